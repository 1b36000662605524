import type { Field, FileAnnotations } from './model';

/**
 * What of a file's annotations the rest of the workspace reads, each as something to compare across
 * versions: a change to it is what makes other files' cached results stale.
 */

/**
 * What other files' walks read of a file's annotations: which fields are tagged and how, ages, consent
 * fields and checks — not purposes, nor places. An edit inside a comment that leaves this as it was changes
 * only the findings of the files whose uses or collections are of the file's fields.
 */
export function walkedPart(annotations: FileAnnotations): string {
  const fieldShape = (field: Field) => [field.name, field.kinds, field.parentalConsent, field.consent];
  return JSON.stringify({
    schemas: annotations.schemas.map((schema) => [
      schema.name,
      schema.declaration,
      schema.decorators,
      schema.minimumAge?.value,
      schema.fields.map(fieldShape),
      schema.consentFields.map(fieldShape),
    ]),
    consentFields: annotations.consentFields.map(fieldShape),
    consentChecks: consentChecks(annotations),
  });
}

/**
 * What other files' findings can read of a file's annotations: its schemas and consent fields, places
 * included (their findings point at the fields), and of its code only what guards elsewhere ask — whether
 * a function checks parental consent. Where its code contexts are, and its own tag problems, matter to
 * its own findings alone: an edit inside a function body moves them, and no other file's findings.
 */
export function sharedPart(annotations: FileAnnotations): unknown {
  return {
    schemas: annotations.schemas,
    consentFields: annotations.consentFields,
    consentChecks: consentChecks(annotations),
  };
}

/** The code that guards elsewhere read: functions that check consent of either kind, or return an age. */
function consentChecks(annotations: FileAnnotations): unknown[] {
  return annotations.contexts
    .filter((context) => context.parentalConsent || context.consent || context.age)
    .map((context) => [context.kind, context.name, context.parentalConsent, context.consent, context.age]);
}

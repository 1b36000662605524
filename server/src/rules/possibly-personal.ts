import { addTag } from '../annotations/edits';
import type { DocAnchor } from '../annotations/model';
import type { PersonalNameMatch } from '../annotations/name-words';
import type { Fix } from '../base/finding';
import { provisions } from '../base/provisions';
import { type PossiblyPersonal, possiblyPersonalFields } from '../engine/queries/possibly-personal';
import type { Rule } from '../engine/rule';

interface Suggestion {
  readonly field: string;
  readonly tag: string;
  readonly doc: DocAnchor;
}

interface Data {
  readonly type: string;
  readonly own: Suggestion;
  /** Every suggestion for the type, this one included: "tag every suggested field". */
  readonly all: readonly Suggestion[];
}

/** `possibly-personal` (docs/rules/possibly-personal.md): an untagged field whose name suggests personal information. */
export const possiblyPersonal: Rule = {
  meta: {
    id: 'possibly-personal',
    description: 'An untagged field whose name suggests personal information, of a schema or of a type that code with a purpose handles.',
    defaultSeverity: 'hint',
    provision: provisions.personalInformation,
    fixable: true,
  },

  checkSource(context) {
    const found = context.query(possiblyPersonalFields);
    for (const suggestion of found) {
      const all = found.filter((other) => other.type === suggestion.type).map(suggestionOf);
      context.report({
        span: suggestion.nameSpan,
        message: `\`${suggestion.type}.${suggestion.field}\` looks like ${describe(suggestion.match)}, ${because(suggestion)}: tag it \`${tagFor(suggestion.match)}\`, or \`@notPersonal\` if it is not personal information (${provisions.personalInformation}).`,
        ...(suggestion.why.kind === 'handled' && {
          related: [
            {
              file: suggestion.why.at.file,
              span: suggestion.why.at.span,
              message: `\`${suggestion.type}\` is handled here by \`${suggestion.why.at.context}\`, which has a purpose of use.`,
            },
          ],
        }),
        data: { type: suggestion.type, own: suggestionOf(suggestion), all } satisfies Data,
      });
    }
  },

  fixes(finding, context) {
    const { type, own, all } = finding.data as Data;
    const text = context.text(finding.file);
    if (text === undefined) return [];
    const tag = (suggestion: Suggestion, tagText: string) => addTag(finding.file, text, suggestion.doc, tagText);
    const fixes: Fix[] = [{ title: `Tag \`${own.field}\` \`${own.tag}\``, isPreferred: true, edits: [tag(own, own.tag)] }];
    if (all.length > 1)
      fixes.push({
        title: `Tag every suggested field of \`${type}\` (${all.length})`,
        edits: all.map((suggestion) => tag(suggestion, suggestion.tag)),
      });
    fixes.push({ title: `Mark \`${own.field}\` \`@notPersonal\``, edits: [tag(own, '@notPersonal')] });
    return fixes;
  },
};

function suggestionOf(found: PossiblyPersonal): Suggestion {
  return { field: found.field, tag: tagFor(found.match), doc: found.doc };
}

/** The tag that fits what the name matched. */
function tagFor(match: PersonalNameMatch): string {
  return match.argument === undefined ? `@${match.tag}` : `@${match.tag} ${match.argument}`;
}

function describe(match: PersonalNameMatch): string {
  switch (match.tag) {
    case 'personal':
      return `${personalKinds[match.argument ?? ''] ?? 'personal information'} (\`${match.word}\`)`;
    case 'specialCare':
      return `special care-required information, ${match.argument} (\`${match.word}\`)`;
    case 'birthDate':
      return `a birth date (\`${match.word}\`)`;
    case 'age':
      return `an age (\`${match.word}\`)`;
    case 'facial':
      return `facial data (\`${match.word}\`)`;
    case 'myNumber':
      return `an Individual Number (\`${match.word}\`)`;
  }
}

const personalKinds: Readonly<Record<string, string>> = {
  name: 'a name',
  address: 'an address',
  contact: 'contact details',
  identifier: 'an identifier of a person',
};

function because(found: PossiblyPersonal): string {
  switch (found.why.kind) {
    case 'schema':
      return `in a schema with tagged fields`;
    case 'purpose':
      return `in a type that declares a purpose of use`;
    case 'handled':
      return `in a type that \`${found.why.at.context}\` handles`;
  }
}

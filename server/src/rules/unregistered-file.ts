import type { Finding, Fix } from '../engine/finding';
import { relative } from '../engine/paths';
import { provisions } from '../engine/provisions';
import { addEntry, createRegister } from '../register/edit';
import { codeFileOf, codeFiles, matchingOf } from '../register/files';
import { parseRegister } from '../register/parse';
import type { FixContext, Rule } from './rule';

interface Data {
  readonly schemaKey: string;
}

/** SPEC §4 `unregistered-file`: a Personal Information File of the code with no entry in the register. */
export const unregisteredFile: Rule = {
  meta: {
    id: 'unregistered-file',
    description: 'A Personal Information File in the code (a schema with `@piFile`, or an ORM `@Entity` with tagged fields) that the register does not list, or any such file when there is no register.',
    defaultSeverity: 'error',
    provision: provisions.fileRegister,
    fixable: true,
  },

  checkSource(context) {
    const { register, catalogue, root } = context;
    // A register that cannot be read says nothing about which files it lists: `register-invalid` says why.
    if (register && !register.entriesKnown) return;
    const unregistered = new Set(matchingOf(register, catalogue, root).unregistered.map((file) => file.schema.key));
    const registerName = relative(root, context.registerPath);
    for (const schema of context.annotations.schemas) {
      const file = codeFileOf(schema, root);
      if (!file || !unregistered.has(schema.key)) continue;
      const where = register ? `is not in the register ${registerName}` : `is in no register: there is no ${registerName}`;
      context.report({
        span: schema.nameSpan,
        message:
          `The Personal Information File \`${file.name}\` (\`${schema.name}\`) ${where}. ` +
          `An administrative organ notifies each file it keeps and lists it in its published register (${provisions.fileRegister}).`,
        data: { schemaKey: schema.key } satisfies Data,
      });
    }
  },

  fixes(finding, context) {
    return registerFixes(finding, context);
  },
};

function registerFixes(finding: Finding, context: FixContext): Fix[] {
  return listingFixes((finding.data as Data).schemaKey, context);
}

/**
 * Lists a schema's Personal Information File in the register, or, when there is no register, creates it
 * with every file of the code (also what the editor's "create register" command does, with no schema).
 */
export function listingFixes(schemaKey: string | undefined, context: FixContext): Fix[] {
  const text = context.text(context.registerPath);
  const registerName = relative(context.root, context.registerPath);
  if (text === undefined) {
    const edit = createRegister(context.registerPath, codeFiles(context.catalogue, context.root), context.catalogue.purposeIds());
    return [{ title: `Create the register ${registerName} with an entry for every Personal Information File`, isPreferred: true, edits: [edit] }];
  }
  const schema = schemaKey === undefined ? undefined : context.catalogue.schemas.get(schemaKey);
  const file = schema && codeFileOf(schema, context.root);
  if (!file) return [];
  const edits = addEntry(context.registerPath, text, parseRegister(text), file);
  return edits.length === 0 ? [] : [{ title: `Add \`${file.name}\` to the register ${registerName}`, isPreferred: true, edits }];
}

import { relative } from '../base/paths';
import { citationsFor, provisions } from '../base/provisions';
import { registerMatching } from '../engine/queries/register-matching';
import type { Rule } from '../engine/rule';
import { codeFileOf } from '../register/files';
import { listingFixes } from '../register/listing';

interface Data {
  readonly schemaKey: string;
}

/** `unregistered-file` (docs/rules/unregistered-file.md): a Personal Information File of the code with no entry in the register. */
export const unregisteredFile: Rule = {
  meta: {
    id: 'unregistered-file',
    description:
      'A Personal Information File in the code (a schema with `@piFile`, an ORM `@Entity` or a Drizzle table with tagged fields) that the register does not list, or any such file when there is no register.',
    defaultSeverity: 'error',
    provision: provisions.fileRegister,
    fixable: true,
  },

  checkAnnotations(context) {
    const { root } = context;
    // Only a file that declares a Personal Information File reads the register, so the others keep their
    // findings across register edits.
    if (!context.annotations.schemas.some((schema) => codeFileOf(schema, root))) return;
    const register = context.register;
    // A register that cannot be read says nothing about which files it lists: `register-invalid` says why.
    if (register && !register.entriesKnown) return;
    const unregistered = new Set(context.workspaceQuery(registerMatching).matching.unregistered.map((file) => file.schema.key));
    const registerName = relative(root, context.registerPath);
    for (const schema of context.annotations.schemas) {
      const file = codeFileOf(schema, root);
      if (!file || !unregistered.has(schema.key)) continue;
      const where = register ? `is not in the register ${registerName}` : `is in no register: there is no ${registerName}`;
      context.report({
        span: schema.nameSpan,
        message:
          `The Personal Information File \`${file.name}\` (\`${schema.name}\`) ${where}. ` +
          `An administrative organ notifies each file it keeps and lists it in its published register (${citationsFor(context.sector).fileRegister}).`,
        data: { schemaKey: schema.key } satisfies Data,
      });
    }
  },

  fixes(finding, context) {
    return listingFixes((finding.data as Data).schemaKey, context);
  },
};

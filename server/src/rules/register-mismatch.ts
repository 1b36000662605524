import type { Finding, Fix } from '../base/finding';
import { citationsFor, provisions } from '../base/provisions';
import { matchingWith, registerMatching } from '../engine/queries/register-matching';
import type { FixContext, Rule } from '../engine/rule';
import { alignEntry } from '../register/edit';
import type { CodeFile, Difference } from '../register/files';
import type { FileEntry } from '../register/model';
import { parseRegister } from '../register/parse';

interface Data {
  /** The entry's index in `files`, and its name, to find it again in the register's current text. */
  readonly entry: number;
  readonly name?: string;
}

/**
 * `register-mismatch` (docs/rules/register-mismatch.md): an entry that disagrees with the code. Reported twice, at the entry's name in
 * the register and at the schema's name in the code, each pointing at the other.
 */
export const registerMismatch: Rule = {
  meta: {
    id: 'register-mismatch',
    description:
      'A register entry whose purposes, recorded matters, special care-required information or `schema` disagree with the code, reported at the entry and at the schema.',
    defaultSeverity: 'warning',
    provision: provisions.fileRegister,
    fixable: true,
  },

  checkRegister(context) {
    for (const { entry, file, found } of context.workspaceQuery(registerMatching).disagreements) {
      context.report({
        span: entry.anchor,
        message: messageOf(entry, file, found, citationsFor(context.sector).fileRegister),
        ...(file && {
          related: [
            { file: file.schema.file, span: file.schema.nameSpan, message: `\`${file.schema.name}\`, the schema the entry describes.` },
          ],
        }),
        data: dataOf(entry),
      });
    }
  },

  checkAnnotations(context) {
    if (context.annotations.schemas.length === 0 || !context.register) return;
    const here = new Set(context.annotations.schemas.map((schema) => schema.key));
    for (const { entry, file, found } of context.workspaceQuery(registerMatching).disagreements) {
      if (!file || !here.has(file.schema.key)) continue;
      context.report({
        span: file.schema.nameSpan,
        message: messageOf(entry, file, found, citationsFor(context.sector).fileRegister),
        related: [
          { file: context.registerPath, span: entry.anchor, message: `The register's entry \`${entry.name?.value ?? entry.index + 1}\`.` },
        ],
        data: dataOf(entry),
      });
    }
  },

  fixes(finding, context) {
    return alignFixes(finding, context);
  },
};

function alignFixes(finding: Finding, context: FixContext): Fix[] {
  const { entry: index, name } = finding.data as Data;
  const text = context.text(context.registerPath);
  if (text === undefined) return [];
  const register = parseRegister(text);
  const found = matchingWith(register, context.catalogue, context.root).disagreements.find(
    (d) => d.entry.index === index && d.entry.name?.value === name,
  );
  if (!found) return [];
  const edits = alignEntry(context.registerPath, text, found.entry, found.file, found.found);
  return edits.length === 0
    ? []
    : [{ title: `Bring the register entry \`${name ?? index + 1}\` in line with the code`, isPreferred: true, edits }];
}

function dataOf(entry: FileEntry): Data {
  return entry.name ? { entry: entry.index, name: entry.name.value } : { entry: entry.index };
}

function messageOf(entry: FileEntry, file: CodeFile | undefined, found: readonly Difference[], provision: string): string {
  const label = entry.name ? `The register entry \`${entry.name.value}\`` : `Entry ${entry.index + 1} of the register`;
  const parts = found.map((difference) => partOf(difference, entry, file));
  return `${label} disagrees with the code: ${parts.join('; ')}. The register is corrected as soon as a file changes (${provision}).`;
}

function partOf(difference: Difference, entry: FileEntry, file: CodeFile | undefined): string {
  const schema = file ? `\`${file.schema.name}\`` : 'the code';
  switch (difference.item) {
    case 'purposes':
      return `its purposes are ${words(difference.entry)}, ${schema}'s are ${words(difference.code)}`;
    case 'recordedMatters':
      return `its \`recordedMatters\` leave out ${words(difference.missing)}`;
    case 'specialCare':
      return difference.code
        ? `it says \`specialCare: false\`, but ${schema} has special care-required fields`
        : `it says \`specialCare: true\`, but ${schema} has no special care-required field`;
    case 'schema':
      return `its \`schema\` \`${entry.schema?.value}\` names no schema of the workspace${file ? ` (\`${file.reference}\` has its name)` : ''}`;
  }
}

function words(list: readonly string[]): string {
  return list.length === 0 ? 'none' : list.map((word) => `\`${word}\``).join(', ');
}

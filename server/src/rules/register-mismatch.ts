import type { Finding, Fix } from '../engine/finding';
import { provisions } from '../engine/provisions';
import { alignEntry } from '../register/edit';
import { differences, matchingOf, type CodeFile, type Difference } from '../register/files';
import type { FileEntry, Register } from '../register/model';
import { parseRegister } from '../register/parse';
import type { FixContext, Rule } from './rule';

interface Data {
  /** The entry's index in `files`, and its name, to find it again in the register's current text. */
  readonly entry: number;
  readonly name?: string;
}

/**
 * SPEC §4 `register-mismatch`: an entry that disagrees with the code. Reported twice, at the entry's name in
 * the register and at the schema's name in the code, each pointing at the other.
 */
export const registerMismatch: Rule = {
  meta: {
    id: 'register-mismatch',
    description: 'A register entry whose purposes, recorded matters, special care-required information or `schema` disagree with the code, reported at the entry and at the schema.',
    defaultSeverity: 'warning',
    provision: provisions.fileRegister,
    fixable: true,
  },

  checkRegister(context) {
    const { register, catalogue, root } = context;
    for (const { entry, file, found } of disagreements(register, catalogue, root)) {
      context.report({
        span: entry.anchor,
        message: messageOf(entry, file, found),
        ...(file && { related: [{ file: file.schema.file, span: file.schema.nameSpan, message: `\`${file.schema.name}\`, the schema the entry describes.` }] }),
        data: dataOf(entry),
      });
    }
  },

  checkSource(context) {
    const { register, catalogue, root } = context;
    if (!register || context.annotations.schemas.length === 0) return;
    const here = new Set(context.annotations.schemas.map((schema) => schema.key));
    for (const { entry, file, found } of disagreements(register, catalogue, root)) {
      if (!file || !here.has(file.schema.key)) continue;
      context.report({
        span: file.schema.nameSpan,
        message: messageOf(entry, file, found),
        related: [{ file: context.registerPath, span: entry.anchor, message: `The register's entry \`${entry.name?.value ?? entry.index + 1}\`.` }],
        data: dataOf(entry),
      });
    }
  },

  fixes(finding, context) {
    return alignFixes(finding, context);
  },
};

interface Disagreement {
  readonly entry: FileEntry;
  readonly file: CodeFile | undefined;
  readonly found: readonly Difference[];
}

/** The last answer per register: every file with schemas asks the same question of the same register and catalogue. */
const answered = new WeakMap<Register, { catalogue: FixContext['catalogue']; root: string; value: Disagreement[] }>();

function disagreements(register: Register, catalogue: FixContext['catalogue'], root: string): Disagreement[] {
  const known = answered.get(register);
  if (known?.catalogue === catalogue && known.root === root) return known.value;
  const value = findDisagreements(register, catalogue, root);
  answered.set(register, { catalogue, root, value });
  return value;
}

function findDisagreements(register: Register, catalogue: FixContext['catalogue'], root: string): Disagreement[] {
  if (register.broken || !register.files) return [];
  const matching = matchingOf(register, catalogue, root);
  return register.files.flatMap((entry) => {
    const file = matching.fileOf.get(entry);
    const found = differences(entry, file, matching.unresolved.includes(entry));
    return found.length === 0 ? [] : [{ entry, file, found }];
  });
}

function alignFixes(finding: Finding, context: FixContext): Fix[] {
  const { entry: index, name } = finding.data as Data;
  const text = context.text(context.registerPath);
  if (text === undefined) return [];
  const register = parseRegister(text);
  const found = disagreements(register, context.catalogue, context.root).find((d) => d.entry.index === index && d.entry.name?.value === name);
  if (!found) return [];
  const edits = alignEntry(context.registerPath, text, found.entry, found.file, found.found);
  return edits.length === 0 ? [] : [{ title: `Bring the register entry \`${name ?? index + 1}\` in line with the code`, isPreferred: true, edits }];
}

function dataOf(entry: FileEntry): Data {
  return entry.name ? { entry: entry.index, name: entry.name.value } : { entry: entry.index };
}

function messageOf(entry: FileEntry, file: CodeFile | undefined, found: readonly Difference[]): string {
  const schema = file ? `\`${file.schema.name}\`` : 'the code';
  const parts = found.map((difference) => {
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
  });
  const label = entry.name ? `The register entry \`${entry.name.value}\`` : `Entry ${entry.index + 1} of the register`;
  return `${label} disagrees with the code: ${parts.join('; ')}. The register is corrected as soon as a file changes (${provisions.fileRegister}).`;
}

function words(list: readonly string[]): string {
  return list.length === 0 ? 'none' : list.map((word) => `\`${word}\``).join(', ');
}

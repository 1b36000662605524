/**
 * The examples of a rule page (docs/rules/<id>.md) as fixtures, by the convention described at the top of
 * docs/rules/README.md.
 */
import * as assert from 'node:assert/strict';

export type Kind = 'Failing' | 'Passing';

export interface Example {
  readonly kind: Kind;
  /** The example as a fixture: `//- path` sections, marker lines kept. */
  readonly fixture: string;
  /** 1-based line in the page where the example's first block starts, for messages. */
  readonly line: number;
}

interface Block {
  readonly file: string | undefined;
  readonly language: string;
  readonly text: string;
  readonly line: number;
}

/** The file a block without `file=` is: the code after the shared code, or the register. */
const defaultFiles: Readonly<Record<string, string>> = { ts: 'src/example.ts', tsx: 'src/example.tsx', yaml: 'pi-register.yaml' };
/** Languages whose blocks must say their file (`json file=tsconfig.json`). */
const namedOnly = new Set(['json']);

/**
 * The examples of a rule page: the fenced blocks of its `## Examples` section under `### Failing` and
 * `### Passing`, each with the blocks before those headings (shared by every example). A block names its
 * file with `file=<path>` in its info string; a block that names a file its example already has starts a
 * new example.
 */
export function examplesOf(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^## Examples\s*$/.test(line));
  if (start === -1) return [];
  const shared: Block[] = [];
  const examples: { kind: Kind; blocks: Block[] }[] = [];
  let kind: Kind | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^## /.test(line)) break;
    const heading = /^###\s+(Failing|Passing)\b/i.exec(line);
    if (heading) {
      kind = heading[1]!.toLowerCase() === 'failing' ? 'Failing' : 'Passing';
      examples.push({ kind, blocks: [] });
      continue;
    }
    const fence = /^```(\w+)(.*)$/.exec(line);
    if (!fence) continue;
    const end = lines.findIndex((other, j) => j > i && /^```\s*$/.test(other));
    assert.ok(end !== -1, `the block at line ${i + 1} is not closed`);
    const language = fence[1]!;
    assert.ok(
      language in defaultFiles || namedOnly.has(language),
      `the block at line ${i + 1} is \`${language}\`: examples are ${[...Object.keys(defaultFiles), ...namedOnly].join(', ')}`,
    );
    const block: Block = { file: /\bfile=(\S+)/.exec(fence[2]!)?.[1], language, text: lines.slice(i + 1, end).join('\n'), line: i + 1 };
    assert.ok(block.file !== undefined || !namedOnly.has(language), `the \`${language}\` block at line ${i + 1} needs \`file=<path>\``);
    i = end;
    if (!kind) {
      shared.push(block);
      continue;
    }
    const current = examples[examples.length - 1]!;
    if (current.blocks.some((other) => fileOf(other) === fileOf(block))) examples.push({ kind, blocks: [block] });
    else current.blocks.push(block);
  }
  return examples
    .filter((example) => example.blocks.length > 0)
    .map(({ kind, blocks }) => ({ kind, fixture: fixtureOf([...shared, ...blocks]), line: blocks[0]!.line }));
}

function fileOf(block: Block): string {
  return block.file ?? defaultFiles[block.language]!;
}

/** The blocks as one fixture: blocks of the same file (shared code and the example's) follow each other. */
function fixtureOf(blocks: readonly Block[]): string {
  const files = new Map<string, string[]>();
  for (const block of blocks) files.set(fileOf(block), [...(files.get(fileOf(block)) ?? []), block.text]);
  return [...files].map(([file, texts]) => `//- ${file}\n${texts.join('\n\n')}`).join('\n');
}

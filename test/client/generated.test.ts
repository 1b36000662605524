/**
 * What `scripts/generate.mjs` derives from the rules' meta — the rule settings in package.json and the rule
 * tables of README.md and docs/rules/README.md — is what the repository holds, so a rule's description,
 * default severity or fixes are written once, in its meta.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repository } from './bundle';

interface GenerateScript {
  generatedFiles(): { file: string; text: string }[];
}

const files = ['package.json', 'README.md', 'docs/rules/README.md'];

describe('the files generated from the rules’ meta', () => {
  let generated: Map<string, string>;
  before(async () => {
    // A computed specifier, so tsc leaves the ES module to Node's own loader.
    const script = pathToFileURL(path.join(repository, 'scripts', 'generate.mjs')).href;
    const { generatedFiles } = (await import(script)) as GenerateScript;
    generated = new Map(generatedFiles().map(({ file, text }) => [file, text]));
  });

  it('are these three', () => {
    assert.deepEqual([...generated.keys()], files);
  });

  for (const file of files) {
    it(`${file} is up to date`, () => {
      const actual = fs.readFileSync(path.join(repository, file), 'utf8');
      const expected = generated.get(file)!;
      if (actual !== expected)
        assert.fail(`${file} is out of date with the rules' meta: run \`npm run generate\`. ${firstDifference(actual, expected)}`);
    });
  }
});

/** The first line that differs, as a hint: the whole file would bury it. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line < 0 ? a.length : line;
  return `Line ${at + 1} is\n  ${a[at] ?? '(the end of the file)'}\nand would be\n  ${b[at] ?? '(the end of the file)'}`;
}

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Position } from 'vscode-languageserver-protocol';

/** The position of the `index`-th character of `needle` in a file (first occurrence after `after`). */
export function positionIn(file: string, needle: string, index = 0, after = ''): Position {
  const text = fs.readFileSync(file, 'utf8');
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0) + index;
  assert.ok(offset >= index, `${needle} in ${file}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

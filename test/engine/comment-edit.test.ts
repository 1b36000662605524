/**
 * Which edits change only a comment: each case is the text before, the text after, and the answer. A
 * wrong `true` would keep findings that an edit changed; a wrong `false` only re-analyses more.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onlyCommentChanged, onlyTriviaChanged } from 'appi-guard-server/engine/comment-edit';
import ts from 'typescript';

const cases: readonly (readonly [name: string, before: string, after: string, only: boolean])[] = [
  [
    'a purpose added to a JSDoc tag',
    '/** @purpose a */\nexport interface P { x: string }',
    '/** @purpose a b */\nexport interface P { x: string }',
    true,
  ],
  [
    "a field's JSDoc on the field's line",
    'export interface P { /** @personal */ x: string }',
    'export interface P { /** @personal name */ x: string }',
    true,
  ],
  ['a JSDoc block turned into a plain comment', '/** a */ f();', '/* a */ f();', true],
  ['a comment before a closing brace', 'interface A { x: string; /** c */ }', 'interface A { x: string; /** cd */ }', true],
  ['a comment at the end of the file', 'const a = 1;\n/** end */', 'const a = 1;\n/** the end */', true],
  ['a line comment', '// hi\nconst a = 1;', '// hi there\nconst a = 1;', true],
  ['nothing', 'const a = 1;', 'const a = 1;', true],
  ['a type', 'export interface P { x: string }', 'export interface P { x: number }', false],
  ['a comment closed early, the rest now code', '/** a */ const b = 1;', '/** a */ b */ const b = 1;', false],
  ['a comment that was closed early before', '/** a */ b */ const b = 1;', '/** a b */ const b = 1;', false],
  ['a line break in a line comment', '// hi\nconst a = 1;', '// hi\n there\nconst a = 1;', false],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source text for the fixture
  ['slashes in a template literal', 'const u = `${a}//path`;', 'const u = `${a}//paths`;', false],
  ['a comment-like string', "const s = '/* x */';", "const s = '/* y */';", false],
  ['code and a comment', 'const a = 1; /* x */ const b = 2;', 'const a = 2; /* y */ const b = 2;', false],
];

describe('edits inside one comment', () => {
  for (const [name, before, after, only] of cases) {
    it(`${name}: ${only ? 'only a comment' : 'not only a comment'}`, () => {
      const now = ts.createSourceFile('/w/a.ts', after, ts.ScriptTarget.Latest, true);
      assert.equal(onlyCommentChanged(before, now), only);
    });
  }
});

/** White space between tokens is trivia too; inside a token, or splitting or joining tokens, it is not. */
const whiteSpace: readonly (readonly [name: string, before: string, after: string, only: boolean])[] = [
  ['a space at the end of a line', 'const a = p.name;\nf();', 'const a = p.name; \nf();', true],
  ['a space taken from the end of a line', 'const a = p.name; \nf();', 'const a = p.name;\nf();', true],
  ['a line break between statements', 'const a = 1;\nconst b = 2;', 'const a = 1;\n\n\nconst b = 2;', true],
  ['indentation', 'function f() {\n  g();\n}', 'function f() {\n      g();\n}', true],
  ['a space inside a string', "const s = 'a b';", "const s = 'a  b';", false],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source text for the fixture
  ['a space inside a template', 'const s = `a ${b} c`;', 'const s = `a  ${b} c`;', false],
  ['a space inside JSX text', 'const e = <p>a b</p>;', 'const e = <p>a  b</p>;', false],
  ['an identifier split', 'const ab = 1;', 'const a b = 1;', false],
  ['an identifier joined', 'const a b = 1;', 'const ab = 1;', false],
  ['a space beside an operator (counted as a change)', 'const a = b+c;', 'const a = b+ c;', false],
  ['white space and code', 'const a = 1; \nf();', 'const a = 2;\nf();', false],
];

describe('edits of white space between tokens', () => {
  for (const [name, before, after, only] of whiteSpace) {
    it(`${name}: ${only ? 'only trivia' : 'not only trivia'}`, () => {
      const now = ts.createSourceFile('/w/a.tsx', after, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      assert.equal(onlyTriviaChanged(before, now), only);
    });
  }
});

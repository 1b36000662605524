import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { applyEdits, checkFix, findFix, type Analysed, type CheckOptions, type FixSelector } from './check';

const options: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  skipLibCheck: true,
  noEmit: true,
};

/**
 * Asserts that a fixture's TypeScript files type-check: one strict program over the texts in memory, with
 * TypeScript's own lib files from the installed package. Every diagnostic is reported with its file and line.
 */
export function assertTypeChecks(files: ReadonlyMap<string, string>): void {
  const host = ts.createCompilerHost(options);
  const readFromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError) => {
    const text = files.get(name);
    return text === undefined ? readFromDisk(name, language, onError) : ts.createSourceFile(name, text, language);
  };
  host.fileExists = (name) => files.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => files.get(name) ?? ts.sys.readFile(name);
  host.directoryExists = (name) => [...files.keys()].some((file) => file.startsWith(`${name}/`)) || ts.sys.directoryExists(name);
  const roots = [...files.keys()].filter((file) => /\.tsx?$/.test(file));
  const program = ts.createProgram(roots, options, host);
  const problems = ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => !diagnostic.file || files.has(diagnostic.file.fileName))
    .map((diagnostic) => {
      const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
      const place = where ? `${diagnostic.file!.fileName}:${where.line + 1}:${where.character + 1}: ` : '';
      return `${place}${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
    });
  assert.deepEqual(problems, []);
}

/** `checkFix`, and the fixture type-checks both before the fix and after it. */
export async function checkFixTypeChecks(before: string, after: string, selector: FixSelector, options?: CheckOptions): Promise<Analysed> {
  const analysed = await checkFix(before, after, selector, options);
  assertTypeChecks(analysed.fixture.files);
  const fixed = new Map(analysed.fixture.files);
  applyEdits(fixed, findFix(analysed.workspace, analysed.result.findings, selector).edits);
  assertTypeChecks(fixed);
  return analysed;
}

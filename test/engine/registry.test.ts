/**
 * The document registry: the standard library is parsed once for projects whose options differ only in
 * how modules are read (a `nodenext` project and the inferred project on `bundler`), and programs made,
 * dropped and made again keep working.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWorkspaceRegistry, jsDocParsingMode } from 'appi-guard-server/engine/registry';
import ts from 'typescript';

const nodenext: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
};
const bundler: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
};
const es2020: ts.CompilerOptions = { ...bundler, target: ts.ScriptTarget.ES2020 };

function service(registry: ts.DocumentRegistry, options: ts.CompilerOptions, file: string, text: string): ts.LanguageService {
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    jsDocParsingMode,
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      if (name === file) return ts.ScriptSnapshot.fromString(text);
      const lib = ts.sys.readFile(name);
      return lib === undefined ? undefined : ts.ScriptSnapshot.fromString(lib);
    },
    getCurrentDirectory: () => '/ws',
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? text : ts.sys.readFile(name)),
  };
  return ts.createLanguageService(host, registry);
}

const es5 = (s: ts.LanguageService) =>
  s
    .getProgram()!
    .getSourceFiles()
    .find((f) => f.fileName.endsWith('/lib.es5.d.ts'))!;

describe('registry: the standard library', () => {
  it('is parsed once for options that differ only in module and moduleResolution', () => {
    const registry = createWorkspaceRegistry();
    const project = service(registry, nodenext, '/ws/src/a.ts', 'export const a: string[] = [];');
    const inferred = service(registry, bundler, '/ws/scripts/b.ts', 'export const b = [1].map(String);');
    assert.equal(es5(project), es5(inferred));
    // A target is part of the parse: another target is another tree.
    const older = service(registry, es2020, '/ws/old/c.ts', 'export const c = 1;');
    assert.notEqual(es5(older), es5(project));
    for (const s of [project, inferred, older]) s.dispose();
  });

  it('serves programs made again after every program that held it was dropped', () => {
    const registry = createWorkspaceRegistry();
    const first = service(registry, nodenext, '/ws/src/a.ts', 'export const a = [1].includes(1);');
    const second = service(registry, bundler, '/ws/scripts/b.ts', 'export const b = [1].at(0);');
    assert.equal(es5(first), es5(second));
    first.dispose();
    second.dispose();
    const again = service(registry, bundler, '/ws/scripts/b.ts', 'export const b: number | undefined = [1].at(0);');
    assert.deepEqual(
      again.getSemanticDiagnostics('/ws/scripts/b.ts').map((d) => d.code),
      [],
    );
    assert.ok(es5(again).statements.length > 0);
    again.dispose();
  });
});

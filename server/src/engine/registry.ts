import * as ts from 'typescript';
import { dirname } from './paths';

const libDirectory = dirname(ts.getDefaultLibFilePath({}).replace(/\\/g, '/'));

/** TypeScript's own `lib.*.d.ts` never change, so their syntax trees are parsed once per process. */
const sharedLibraries = ts.createDocumentRegistry(true);

/**
 * A document registry per workspace, as tsserver keeps one per project service, except that the standard
 * library's syntax trees are shared by every workspace in the process (tests and multi-root servers make
 * many). Workspace files never share: two workspaces may hold different text under one path.
 */
export function createWorkspaceRegistry(): ts.DocumentRegistry {
  const own = ts.createDocumentRegistry(true);
  const pick = (fileName: string): ts.DocumentRegistry => (fileName.startsWith(libDirectory) ? sharedLibraries : own);
  return {
    acquireDocument: (fileName, ...rest) => pick(fileName).acquireDocument(fileName, ...rest),
    acquireDocumentWithKey: (fileName, ...rest) => pick(fileName).acquireDocumentWithKey(fileName, ...rest),
    updateDocument: (fileName, ...rest) => pick(fileName).updateDocument(fileName, ...rest),
    updateDocumentWithKey: (fileName, ...rest) => pick(fileName).updateDocumentWithKey(fileName, ...rest),
    getKeyForCompilationSettings: (settings) => own.getKeyForCompilationSettings(settings),
    releaseDocument: (fileName: string, settings: ts.CompilerOptions, scriptKind?: ts.ScriptKind, format?: ts.ResolutionMode) =>
      pick(fileName).releaseDocument(fileName, settings, scriptKind!, format),
    releaseDocumentWithKey: (path: ts.Path, key: ts.DocumentRegistryBucketKey, scriptKind?: ts.ScriptKind, format?: ts.ResolutionMode) =>
      pick(path).releaseDocumentWithKey(path, key, scriptKind!, format),
    reportStats: () => own.reportStats(),
  };
}

export function isLibraryFile(fileName: string): boolean {
  return fileName.startsWith(libDirectory);
}

import ts from 'typescript';
import { dirname } from '../base/paths';

const libDirectory = dirname(ts.getDefaultLibFilePath({}).replace(/\\/g, '/'));

/**
 * JSDoc is parsed as `tsc` parses it: only where types need it (JavaScript files), not in every TypeScript
 * file. Annotations are read from a separate parse of the few files whose text holds a tag (see
 * `extractAnnotations`); everything else in a program never needs the comments as trees.
 */
export const jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;

/** TypeScript's own `lib.*.d.ts` never change, so their syntax trees are parsed once per process. */
const sharedLibraries = ts.createDocumentRegistry(true, '', jsDocParsingMode);

/**
 * A document registry per workspace, as tsserver keeps one per project service, except that the standard
 * library's syntax trees are shared by every workspace in the process (tests and multi-root servers make
 * many). Workspace files never share: two workspaces may hold different text under one path.
 */
export function createWorkspaceRegistry(): ts.DocumentRegistry {
  const own = ts.createDocumentRegistry(true, '', jsDocParsingMode);
  const pick = (fileName: string): ts.DocumentRegistry => (isLibraryFile(fileName) ? sharedLibraries : own);
  const keyOf = (fileName: string, settings: SettingsOrHost, key: ts.DocumentRegistryBucketKey) =>
    isLibraryFile(fileName) ? libraryKey(key, settings) : key;
  return {
    // The language service calls only the `WithKey` variants; the others keep TypeScript's own keys.
    acquireDocument: (fileName, settings, snapshot, ...rest) =>
      parseOrStandIn(snapshot, (text) => pick(fileName).acquireDocument(fileName, settings, text, ...rest)),
    acquireDocumentWithKey: (fileName, path, settings, key, snapshot, ...rest) =>
      parseOrStandIn(snapshot, (text) =>
        pick(fileName).acquireDocumentWithKey(fileName, path, settings, keyOf(fileName, settings, key), text, ...rest),
      ),
    updateDocument: (fileName, settings, snapshot, ...rest) =>
      parseOrStandIn(snapshot, (text) => pick(fileName).updateDocument(fileName, settings, text, ...rest)),
    updateDocumentWithKey: (fileName, path, settings, key, snapshot, ...rest) =>
      parseOrStandIn(snapshot, (text) =>
        pick(fileName).updateDocumentWithKey(fileName, path, settings, keyOf(fileName, settings, key), text, ...rest),
      ),
    getKeyForCompilationSettings: (settings) => own.getKeyForCompilationSettings(settings),
    releaseDocument: (fileName: string, settings: ts.CompilerOptions, scriptKind?: ts.ScriptKind, format?: ts.ResolutionMode) =>
      pick(fileName).releaseDocument(fileName, settings, scriptKind!, format),
    releaseDocumentWithKey: (path: ts.Path, key: ts.DocumentRegistryBucketKey, scriptKind?: ts.ScriptKind, format?: ts.ResolutionMode) =>
      pick(path).releaseDocumentWithKey(path, isLibraryFile(path) ? (libraryKeys.get(key) ?? key) : key, scriptKind!, format),
    reportStats: () => own.reportStats(),
  };
}

type SettingsOrHost = ts.CompilerOptions | ts.MinimalResolutionCacheHost;

function settingsOf(settings: SettingsOrHost): ts.CompilerOptions {
  return 'getCompilationSettings' in settings && typeof settings.getCompilationSettings === 'function'
    ? settings.getCompilationSettings()
    : (settings as ts.CompilerOptions);
}

/** The library key of each registry key seen, for releases, which name only the registry key. */
const libraryKeys = new Map<ts.DocumentRegistryBucketKey, ts.DocumentRegistryBucketKey>();

/**
 * The key a standard-library file is kept under: the registry key without `module` and `moduleResolution`.
 * They are in registry keys because they decide whether a file is an ES module, which TypeScript's global
 * declaration files never are (and the registry keeps each module format apart by itself). Without them,
 * projects on `nodenext` and the inferred project (`bundler`) share one parse of `lib.dom.d.ts` and the
 * rest, instead of two.
 */
function libraryKey(key: ts.DocumentRegistryBucketKey, settings: SettingsOrHost): ts.DocumentRegistryBucketKey {
  let libraryKey = libraryKeys.get(key);
  if (libraryKey === undefined) {
    libraryKey = sharedLibraries.getKeyForCompilationSettings({ ...settingsOf(settings), module: undefined, moduleResolution: undefined });
    libraryKeys.set(key, libraryKey);
  }
  return libraryKey;
}

/**
 * What a file is parsed as when TypeScript cannot parse it: one syntax error, so that nothing is reported
 * in it and the file is at least told as having syntax errors (`isStandIn` tells why).
 */
const standIn = ts.ScriptSnapshot.fromString(')');
const standIns = new WeakSet<ts.SourceFile>();

/** Whether TypeScript could not parse this file, so that it was replaced by a stand-in (see below). */
export function isStandIn(sourceFile: ts.SourceFile): boolean {
  return standIns.has(sourceFile);
}

/**
 * TypeScript's parser recurses once per level of nesting, so a file nested some hundreds of levels deep
 * (generated data, a minified bundle) overflows the stack, and the exception would take down the program
 * of every file in its project. Such a file is parsed as a stand-in instead, and the rest is analysed.
 * Snapshots are plain strings, so TypeScript never parses incrementally here and a failed parse leaves
 * the registry's old tree untouched.
 */
function parseOrStandIn(snapshot: ts.IScriptSnapshot, parse: (snapshot: ts.IScriptSnapshot) => ts.SourceFile): ts.SourceFile {
  try {
    return parse(snapshot);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const sourceFile = parse(standIn);
    standIns.add(sourceFile);
    return sourceFile;
  }
}

function isLibraryFile(fileName: string): boolean {
  return fileName.startsWith(libDirectory);
}

/**
 * Bundles the extension for VS Code: `client/src/extension.ts` -> `dist/extension.js` and the language server
 * `server/src/main.ts` -> `dist/server.js`, each one file with its dependencies (TypeScript included), so the
 * package ships no `node_modules`.
 *
 * TypeScript reads its standard library (`lib.*.d.ts`) at run time from the folder of the file it runs from
 * (`ts.getDefaultLibFilePath` is computed from the executing file), which, bundled, is `dist/`: the library
 * files are copied next to the server.
 *
 * `node scripts/bundle.mjs [--outdir DIR] [--minify]`; tests import `bundle()` to build into a folder of their own.
 */

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The entry points, and what each becomes in the output folder. */
const entries = [
  { in: path.join(root, 'client/src/extension.ts'), out: 'extension' },
  { in: path.join(root, 'server/src/main.ts'), out: 'server' },
];

/**
 * @param {{ outdir?: string, minify?: boolean, logLevel?: esbuild.LogLevel }} [options]
 * @returns {Promise<{ outdir: string, files: string[], changed: boolean }>} the output folder, its files (relative to it), and whether they changed
 */
/** @public tests bundle through it */
export async function bundle(options = {}) {
  const outdir = path.resolve(options.outdir ?? path.join(root, 'dist'));
  // Built beside the target and swapped in by renames, so that whoever reads `dist/` meanwhile (the extension
  // under test, `vsce`) sees the old bundle or the new one, never half of one.
  const building = `${outdir}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: entries,
    outdir: building,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Provided by VS Code to the extension host; never bundled.
    external: ['vscode'],
    // Readable stack traces in the output channel are worth more than the size minifying saves (the .vsix is zipped).
    minify: options.minify ?? false,
    // Maps for debugging from the repository; `.vscodeignore` leaves them out of the package.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: options.logLevel ?? 'warning',
  });
  const libraries = copyTypeScriptLibraries(building);
  const changed = !sameFiles(building, outdir);
  if (!changed) {
    // A build like the last one leaves `dist/` untouched: `npm run package` in the e2e test (its
    // `vscode:prepublish` bundles again) then changes nothing that another test file may be reading.
    fs.rmSync(building, { recursive: true, force: true });
  } else {
    const previous = `${outdir}.previous-${process.pid}`;
    if (fs.existsSync(outdir)) fs.renameSync(outdir, previous);
    fs.renameSync(building, outdir);
    fs.rmSync(previous, { recursive: true, force: true });
  }
  return { outdir, files: [...entries.flatMap((entry) => [`${entry.out}.js`, `${entry.out}.js.map`]), ...libraries].sort(), changed };
}

/** Whether two folders of files (no subfolders) hold the same names with the same bytes; esbuild's output is deterministic. */
function sameFiles(a, b) {
  if (!fs.existsSync(b)) return false;
  const names = fs.readdirSync(a).sort();
  const others = fs.readdirSync(b).sort();
  if (names.length !== others.length || names.some((name, i) => name !== others[i])) return false;
  return names.every((name) => fs.readFileSync(path.join(a, name)).equals(fs.readFileSync(path.join(b, name))));
}

/** Copies TypeScript's `lib.d.ts` and `lib.*.d.ts` into `outdir`; returns their names. */
function copyTypeScriptLibraries(outdir) {
  // Resolved from the server, as the bundler does, so the libraries match the compiler bundled.
  const from = path.dirname(createRequire(path.join(root, 'server/package.json')).resolve('typescript'));
  const names = fs.readdirSync(from).filter((name) => name.startsWith('lib.') && name.endsWith('.d.ts'));
  for (const name of names) fs.copyFileSync(path.join(from, name), path.join(outdir, name));
  return names;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const outdirAt = args.indexOf('--outdir');
  const started = Date.now();
  const { outdir, files, changed } = await bundle({
    outdir: outdirAt >= 0 ? args[outdirAt + 1] : undefined,
    minify: args.includes('--minify'),
    logLevel: 'warning',
  });
  const size = (name) => `${(fs.statSync(path.join(outdir, name)).size / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `bundled in ${Date.now() - started} ms${changed ? '' : ' (as before: left in place)'}: ${path.relative(process.cwd(), outdir) || '.'}/extension.js (${size('extension.js')}), server.js (${size('server.js')}), ${files.filter((file) => file.startsWith('lib.')).length} TypeScript library files`,
  );
}

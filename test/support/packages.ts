/**
 * Packages a fixture's workspace has installed: real ones, from the repository's `node_modules` (where
 * `npm install` put them from the npm registry, at the versions `package-lock.json` pins), shown in the
 * workspace's own `node_modules` as they are on disk. A fixture never writes a library's declarations by
 * hand: what the engine is tested against is what users install.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MemoryHost } from './memory-host';

/**
 * A package by its name, or installed under an alias (`@types/fhir-stu3` shown as `@types/fhir`), or any
 * real folder shown at a path of the workspace (`at`, relative to the root: a generated Prisma client).
 */
export type InstalledPackage =
  | string
  | { readonly name: string; readonly installedAs: string }
  | { readonly at: string; readonly folder: string };

const repositoryModules = path.resolve(__dirname, '../../../node_modules');

export function mountPackages(host: MemoryHost, root: string, packages: readonly InstalledPackage[]): void {
  for (const entry of packages) {
    if (typeof entry !== 'string' && 'at' in entry) {
      host.mount(`${root}/${entry.at}`, entry.folder);
      continue;
    }
    const { name, installedAs } = typeof entry === 'string' ? { name: entry, installedAs: entry } : entry;
    host.mount(`${root}/node_modules/${name}`, path.join(repositoryModules, installedAs));
  }
}

/**
 * Installs packages into a workspace on disk (`<root>/node_modules`): their `package.json` files and type
 * declarations, copied, since the server reads a workspace's dependencies where they are and does not
 * follow links out of it.
 */
export function installPackages(root: string, names: readonly string[]): void {
  for (const name of names) {
    fs.cpSync(path.join(repositoryModules, name), path.join(root, 'node_modules', name), {
      recursive: true,
      filter: (source) => fs.statSync(source).isDirectory() || /(^|\/)package\.json$|\.d\.[cm]?ts$/.test(source),
    });
  }
}

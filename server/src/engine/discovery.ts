import type { Host } from '../base/host';
import { basename, dirname, isInside, isTypeScriptFile, join } from '../base/paths';

export interface DiscoveredWorkspace {
  /** Every `tsconfig.json` under the root, outside `node_modules`, in a stable order. */
  readonly configs: readonly string[];
  /**
   * Every TypeScript file under the root, declaration files included: they are read for annotations, since
   * a `.d.ts` is where a project tags the types of packages it cannot edit (their code is never analysed).
   */
  readonly sources: readonly string[];
  /** Every Prisma schema (`*.prisma`) under the root: read for the annotations of its models. */
  readonly prismaSchemas: readonly string[];
  /** Source files that are links to files outside the workspace: not read, since the workspace may be untrusted. */
  readonly outside: readonly string[];
}

/** Folders never analysed: dependencies, VCS data and tool caches. */
function isIgnoredFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * Walks the workspace once. Each real folder is entered once, so link loops end; a folder that cannot be
 * listed is simply empty. A link to a folder that the walk reaches anyway is not followed, so its files are
 * found, analysed and reported at their real paths (where an editor opens them), not under the link's name;
 * links to folders elsewhere are followed, as `tsc` follows them.
 */
export function discover(host: Host, root: string): DiscoveredWorkspace {
  const configs: string[] = [];
  const sources: string[] = [];
  const outside: string[] = [];
  const prismaSchemas: string[] = [];
  const seen = new Set<string>();
  const pending = [root];
  const realRoot = host.realpath(root);
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const real = host.realpath(dir);
    if (seen.has(real)) continue;
    const walked = walkedFolder(real, root, realRoot);
    if (walked !== undefined && walked !== dir) continue;
    // A link up to a folder that encloses the root would have the walk list half the disk.
    if (isInside(real, realRoot)) continue;
    seen.add(real);
    const entries = host.entries(dir);
    const links = new Set(entries.links);
    for (const name of entries.files) {
      const path = join(dir, name);
      if (name !== 'tsconfig.json' && !isTypeScriptFile(path) && !name.endsWith('.prisma')) continue;
      if (links.has(name) && !isInside(realRoot, host.realpath(path))) outside.push(path);
      else if (name.endsWith('.prisma')) prismaSchemas.push(path);
      else if (name === 'tsconfig.json') configs.push(path);
      else sources.push(path);
    }
    for (const name of [...entries.directories].reverse()) {
      if (!isIgnoredFolder(name)) pending.push(join(dir, name));
    }
  }
  return { configs: configs.sort(byDepthThenName), sources: sources.sort(), prismaSchemas: prismaSchemas.sort(), outside: outside.sort() };
}

/**
 * The path under which the walk meets the file that `file` resolves to, or undefined when the walk never
 * meets it (outside the root, or in an ignored folder). For files reached through links, such as those a
 * `tsconfig.json` lists when its globs cross a link.
 */
export function walkedPath(host: Host, root: string, file: string): string | undefined {
  const real = host.realpath(file);
  const folder = walkedFolder(dirname(real), root, host.realpath(root));
  return folder === undefined ? undefined : join(folder, basename(real));
}

/** Where the walk enters the real folder `real`, if it does. */
function walkedFolder(real: string, root: string, realRoot: string): string | undefined {
  if (real === realRoot) return root;
  if (!isInside(realRoot, real)) return undefined;
  const rest = real.slice(realRoot.length).replace(/^\/+/, '');
  return rest.split('/').some(isIgnoredFolder) ? undefined : join(root, rest);
}

/** Shallow configs first, so a folder's own project wins over an enclosing one only when it is nearer. */
function byDepthThenName(a: string, b: string): number {
  return a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0);
}

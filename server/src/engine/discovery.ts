import type { Host } from './host';
import { join, isSourceFile, sourceExtensions } from './paths';

export interface DiscoveredWorkspace {
  /** Every `tsconfig.json` under the root, outside `node_modules`, in a stable order. */
  readonly configs: readonly string[];
  /** Every TypeScript source file under the root (declaration files excluded). */
  readonly sources: readonly string[];
}

/** Folders never analysed: dependencies, VCS data and tool caches. */
export function isIgnoredFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * Walks the workspace once. Each real folder is entered once, so link loops end; a folder that cannot be
 * listed is simply empty.
 */
export function discover(host: Host, root: string): DiscoveredWorkspace {
  const configs: string[] = [];
  const sources: string[] = [];
  const seen = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const real = host.realpath(dir);
    if (seen.has(real)) continue;
    seen.add(real);
    const entries = host.entries(dir);
    for (const name of entries.files) {
      const path = join(dir, name);
      if (name === 'tsconfig.json') configs.push(path);
      else if (isSourceFile(path)) sources.push(path);
    }
    for (const name of [...entries.directories].reverse()) {
      if (!isIgnoredFolder(name)) pending.push(join(dir, name));
    }
  }
  return { configs: configs.sort(byDepthThenName), sources: sources.sort() };
}

/** Shallow configs first, so a folder's own project wins over an enclosing one only when it is nearer. */
function byDepthThenName(a: string, b: string): number {
  return a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0);
}

export { sourceExtensions };

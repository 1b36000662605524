import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** One import of one of our files by another: type-only imports count, they tie the code together too. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

/**
 * The imports between the TypeScript files under `dir`, as paths relative to it, read with TypeScript's
 * own pre-processor (so `import type`, `export … from` and `import()` types are all seen).
 */
export function importGraph(dir: string): ImportEdge[] {
  const files = sourceFiles(dir);
  const known = new Set(files);
  return files.flatMap((file) => {
    const info = ts.preProcessFile(fs.readFileSync(path.join(dir, file), 'utf8'), true, true);
    return info.importedFiles.flatMap(({ fileName }) => {
      if (!fileName.startsWith('.')) return [];
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName));
      const resolved = [`${target}.ts`, `${target}/index.ts`].find((candidate) => known.has(candidate));
      return resolved ? [{ from: file, to: resolved }] : [];
    });
  });
}

/** Every cycle's files, once each (the strongly connected components with more than one file, or a self-import). */
export function cycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of next.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      component.push(member);
      if (member === file) break;
    }
    if (component.length > 1 || (next.get(file) ?? []).includes(file)) found.push(component.sort());
  };
  for (const file of next.keys()) if (!index.has(file)) visit(file);
  return found;
}

function sourceFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return sourceFiles(dir, relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

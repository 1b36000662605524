/** Path helpers for the engine's one path form: absolute, forward slashes, no trailing slash. */

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function join(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** `path` with its `.` and `..` segments resolved (`/a/prisma/../src` is `/a/src`). */
export function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** `file` relative to `root` when inside it, with forward slashes; else the path unchanged. */
export function relative(root: string, file: string): string {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : file;
}

export function isInside(dir: string, file: string): boolean {
  return file.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

export function isNodeModules(path: string): boolean {
  return path.includes('/node_modules/');
}

const sourceExtensions = ['.ts', '.tsx', '.mts', '.cts'] as const;

/** A TypeScript file of the workspace: code, or declarations (read for the annotations they merge into types). */
export function isTypeScriptFile(path: string): boolean {
  return sourceExtensions.some((ext) => path.endsWith(ext));
}

/** A Prisma schema: read for the `///` annotations of its models. */
export function isPrismaSchema(path: string): boolean {
  return path.endsWith('.prisma');
}

export function isDeclarationFile(path: string): boolean {
  return /\.d\.[cm]?ts$/.test(path) || /\.d\.[^/]*\.ts$/.test(path);
}

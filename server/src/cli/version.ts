import * as fs from 'node:fs';
import * as path from 'node:path';

/** The package names whose `version` is the tool's: the server package, or the extension that bundles it. */
const ownPackages = new Set(['appi-guard-server', 'appi-guard']);

/**
 * The tool's version, from the nearest of its own `package.json` files above this module. Looked up rather
 * than imported, so the answer stays right whether this file runs from `server/out/cli/` or from a bundle
 * in the extension.
 */
export function toolVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const version = ownVersion(path.join(dir, 'package.json'));
    if (version) return version;
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

function ownVersion(file: string): string | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
    return typeof manifest.name === 'string' && ownPackages.has(manifest.name) && typeof manifest.version === 'string'
      ? manifest.version
      : undefined;
  } catch {
    return undefined;
  }
}

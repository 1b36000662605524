/**
 * A Prisma client generated for a fixture's schema by the real Prisma CLI (`prisma generate`, the version
 * `package-lock.json` pins), as a workspace's own would be. Generating needs no database and no network:
 * the CLI only checks that a schema engine is there, which `generate` does not run, so it is pointed at
 * `/bin/true` rather than downloaded.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const cli = path.resolve(__dirname, '../../../node_modules/prisma/build/index.js');
const generated = new Map<string, string>();

/**
 * Generates the client of `schema` (whose generator writes to `../src/generated/prisma`, relative to
 * `prisma/schema.prisma`) and returns the folder it was written to. Each schema is generated once a process.
 */
export function generatePrismaClient(schema: string): string {
  const cached = generated.get(schema);
  if (cached) return cached;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'appi-guard-prisma-'));
  fs.mkdirSync(path.join(root, 'prisma'));
  fs.writeFileSync(path.join(root, 'prisma/schema.prisma'), schema);
  execFileSync(process.execPath, [cli, 'generate', '--schema', 'prisma/schema.prisma'], {
    cwd: root,
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
    stdio: 'pipe',
  });
  const output = path.join(root, 'src/generated/prisma');
  generated.set(schema, output);
  return output;
}

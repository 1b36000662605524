import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { workspace } from '../support/cli';

/**
 * The bundled sample workspace, copied: tests edit files, the repository's samples stay as they are. Call it
 * in a `describe` body, not in a hook: the copy is removed when the enclosing suite ends.
 */
export function clinicCopy(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'appi-guard-lsp-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.cpSync(path.resolve(__dirname, '../../../samples/clinic'), root, { recursive: true });
  return root;
}

/**
 * A small workspace where one edit shows in another file: a schema declared for `treatment`, code that uses
 * it for `marketing`, and a register whose catalogue has both.
 */
export const purposes = {
  'tsconfig.json': '{ "compilerOptions": { "strict": true }, "include": ["**/*.ts"] }',
  'model/patient.ts': `
    /** @purpose treatment */
    export interface Patient {
      id: string;
      /** @personal name */ name: string;
    }
  `,
  'app/campaign.ts': `
    import type { Patient } from '../model/patient';

    /** @purpose marketing */
    export function campaignFor(p: Patient) {
      return p.name;
    }
  `,
  'pi-register.yaml': `
    organization: Minato Ward Health Centre
    purposes:
      - id: treatment
        description: Treatment
      - id: marketing
        description: Marketing
  `,
};

export function purposesWorkspace(): string {
  return workspace(purposes);
}

export const codes = (diagnostics: readonly { code?: string | number }[]) => diagnostics.map((diagnostic) => diagnostic.code);

import { describe, it } from 'node:test';
import { check, checkFix } from '../support/check';

const patient = `
//- model/patient.ts
/** @purpose treatment */
export interface Patient {
  id: string;
  /** @personal name */ name: string;
  /** @specialCare medical-history */ diagnosis: string;
}
`;

/** Packages as their type declarations ship them, enough for the calls below. */
const packages = `
//- node_modules/pino/index.d.ts
declare function pino(): { info(value: unknown, message?: string): void; error(value: unknown): void };
export default pino;
//- node_modules/winston/index.d.ts
export declare function createLogger(options?: unknown): { info(message: string, meta?: unknown): void };
//- node_modules/@nestjs/common/index.d.ts
export declare class Logger { constructor(context?: string); log(message: unknown): void }
export declare function Injectable(): ClassDecorator;
//- node_modules/my-audit/index.d.ts
export declare function audit(entry: unknown): void;
`;

describe('personal-data-in-log', () => {
  it('reports records and tagged fields reaching console.*, in any code, with or without a purpose', async () => {
    await check(`${patient}
      //- app/register.ts
      import type { Patient } from '../model/patient';

      /** @purpose treatment */
      export function register(p: Patient, list: Patient[]) {
        console.log('registered', p);
        //                        ^ personal-data-in-log +fix
        console.table(list);
        //            ^^^^ personal-data-in-log +fix
        console.warn(p.diagnosis);
        //           ^^^^^^^^^^^ personal-data-in-log +fix
      }

      export function untyped(p: Patient) {
        console.error({ who: p, at: 1 });
        //              ^^^^^^ personal-data-in-log +fix
      }
    `);
  });

  it('looks through templates, concatenation, branches, arrays, JSON.stringify and String to the log', async () => {
    await check(`${patient}
      //- app/nested.ts
      import type { Patient } from '../model/patient';

      export function nested(p: Patient, q: Patient | undefined, flag: boolean) {
        console.log('p: ' + JSON.stringify(p));
        //          ^^^^^^^^^^^^^^^^^^^^^^^^^ personal-data-in-log +fix
        console.log(\`\${String(p)}\`);
        //          ^^^^^^^^^^^^^^ personal-data-in-log +fix
        console.log(flag ? p : null);
        //          ^^^^^^^^^^^^^^^ personal-data-in-log +fix
        console.log(q ?? 'none');
        //          ^^^^^^^^^^^ personal-data-in-log +fix
        console.log([p.name]);
        //          ^^^^^^^^ personal-data-in-log +fix
      }
    `);
  });

  it('knows log packages, the objects they return, and the settings’ additions; other sinks are not logs', async () => {
    await check(
      `${patient}${packages}
      //- app/loggers.ts
      import pino from 'pino';
      import { createLogger } from 'winston';
      import { Logger } from '@nestjs/common';
      import { audit } from 'my-audit';
      import type { Patient } from '../model/patient';

      const log = pino();

      export class PatientService {
        private readonly logger = new Logger('patients');

        save(p: Patient) {
          this.logger.log(p);
          //              ^ personal-data-in-log +fix
          log.info({ patient: p });
          //         ^^^^^^^^^^ personal-data-in-log +fix
          createLogger().info('saved', p);
          //                           ^ personal-data-in-log +fix
          audit(p);
          //    ^ personal-data-in-log +fix
          void fetch('/api', { method: 'POST', body: JSON.stringify(p) });
          localStorage.setItem('draft', JSON.stringify(p));
        }
      }
    `,
      { settings: { sinks: { log: ['my-audit'] } } },
    );
  });

  it('knows a logger another module made, by its type, in code with a context', async () => {
    await check(`${patient}${packages}
      //- app/logger.ts
      import pino from 'pino';
      export const logger = pino();
      //- app/intake.ts
      import { logger } from './logger';
      import type { Patient } from '../model/patient';

      /** @purpose treatment */
      export function intake(p: Patient) {
        logger.info(p);
        //          ^ personal-data-in-log +fix
      }
    `);
  });

  it('logs the untagged identifying fields instead of the record', async () => {
    await checkFix(
      `${patient}
      //- app/fix.ts
      import type { Patient } from '../model/patient';
      export function f(patient: Patient) {
        console.log({ patient });
        console.log('saved', patient);
      }
    `,
      `${patient}
      //- app/fix.ts
      import type { Patient } from '../model/patient';
      export function f(patient: Patient) {
        console.log({ patient: { id: patient.id } });
        console.log('saved', patient);
      }
    `,
      { title: 'Log `id` instead of the whole record', rule: 'personal-data-in-log' },
    );
  });
});

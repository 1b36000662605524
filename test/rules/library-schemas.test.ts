/**
 * Schemas a library builds (SPEC §2, "Where fields can be declared"): Zod object schemas and Drizzle tables,
 * with the real packages from the npm registry. Their fields are the literal's tagged property assignments;
 * the types derived from them carry the tags to every use.
 */
import { describe, it } from 'node:test';
import { check, checkFix } from '../support/check';

const zod = ['zod'];
const drizzle = ['drizzle-orm'];

const register = `
  //- pi-register.yaml
  organization: Minato Ward Health Centre
  purposes:
    - id: treatment
      description: Treatment
    - id: marketing
      description: Marketing
  files: []
`;

describe('Zod object schemas', () => {
  it('tags the fields of z.object, and every type inferred from it (v4, the default export)', async () => {
    await check(
      `
      //- src/patient.ts
      import { z } from 'zod';

      /** @purpose treatment */
      export const PatientSchema = z.object({
        id: z.string(),
        /** @personal name */ name: z.string(),
        /** @birthDate */ birthDate: z.string().optional(),
        address: z.object({ /** @personal address */ city: z.string() }).optional(),
      });
      export type Patient = z.infer<typeof PatientSchema>;
      export type PatientInput = z.input<typeof PatientSchema>;

      //- src/letters.ts
      import type { z } from 'zod';
      import { type Patient, type PatientInput, PatientSchema } from './patient';

      const NameOnly = PatientSchema.pick({ name: true });
      const Loose = PatientSchema.partial().omit({ id: true });

      // Reads of one field in one function are one finding: a function for each derived type.
      /** @purpose marketing */
      export function greeting(p: Patient) {
        return [p.id, p.name, p.address?.city];
        //              ^^^^ use-beyond-purpose +fix
        //                               ^^^^ use-beyond-purpose +fix
      }
      /** @purpose marketing */
      export const fromInput = (i: PatientInput) => i.birthDate;
      //                                              ^^^^^^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const picked = (n: z.output<typeof NameOnly>) => n.name;
      //                                                        ^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const partial = (l: z.infer<typeof Loose>) => l.name;
      //                                                     ^^^^ use-beyond-purpose +fix

      /** @purpose treatment */
      export const chart = (p: Patient) => [p.name, p.birthDate, p.address?.city];
      `,
      { packages: zod },
    );
  });

  it('tags strictObject and looseObject (zod/v4), object (zod/v3), and fields added with extend', async () => {
    await check(
      `
      //- src/forms.ts
      import * as z from 'zod/v4';
      import { z as z3 } from 'zod/v3';

      /** @purpose treatment */
      export const Intake = z.strictObject({ /** @personal name */ name: z.string() });
      /** @purpose treatment */
      export const Visit = z.looseObject({ /** @personal contact */ phone: z.string() });
      /** @purpose treatment */
      export const Legacy = z3.object({ /** @personal address */ address: z3.string() });
      /** @purpose treatment */
      export const Extended = Intake.extend({ /** @specialCare medical-history */ history: z.string() });

      /** @purpose marketing */
      export function mail(a: z.infer<typeof Intake>, b: z.infer<typeof Visit>, c: z3.infer<typeof Legacy>, d: z.infer<typeof Extended>) {
        return [a.name, b.phone, c.address, d.history];
        //        ^^^^ use-beyond-purpose +fix
        //                ^^^^^ use-beyond-purpose +fix
        //                         ^^^^^^^ use-beyond-purpose +fix
        //                                    ^^^^^^^ use-beyond-purpose +fix
      }
      /** @purpose marketing */
      export const inherited = (d: z.infer<typeof Extended>) => d.name;
      //                                                          ^^^^ use-beyond-purpose +fix
      `,
      { packages: zod },
    );
  });

  it('makes a Zod schema with @piFile a Personal Information File, named on its variable', async () => {
    await check(
      `
      //- src/patient.ts
      import { z } from 'zod';

      /**
       * @purpose treatment
       * @piFile "Patient Registry"
       */
      export const PatientSchema = z.object({ /** @personal name */ name: z.string() });
      //           ^^^^^^^^^^^^^ unregistered-file +fix
      ${register}`,
      { packages: zod },
    );
  });

  it('declares a purpose on the schema variable', async () => {
    const schema = (purposes: string) => `
      //- src/patient.ts
      import { z } from 'zod';

      /** @purpose ${purposes} */
      export const PatientSchema = z.object({ /** @personal name */ name: z.string() });
      export type Patient = z.infer<typeof PatientSchema>;
      //- src/letters.ts
      import type { Patient } from './patient';
      /** @purpose marketing */
      export const greeting = (p: Patient) => p.name;
      ${register}`;
    await checkFix(
      schema('treatment'),
      schema('treatment marketing'),
      { title: 'Declare purpose `marketing` on `PatientSchema`' },
      { packages: zod },
    );
  });

  it('reads nothing from object literals of other libraries, or from Zod calls of a file that does not import it', async () => {
    await check(`
      //- src/other.ts
      const z = { object: <T>(shape: T) => shape };
      /** @purpose treatment */
      export const NotZod = z.object({ /** @personal name */ name: 'x' });
      /** @purpose marketing */
      export const read = () => NotZod.name;
    `);
  });
});

describe('Drizzle tables', () => {
  const table = `
    //- src/schema.ts
    import { date, integer, pgTable, text } from 'drizzle-orm/pg-core';

    /** @purpose treatment */
    export const patients = pgTable('patients', {
      id: integer('id').primaryKey(),
      /** @personal name */ name: text('name').notNull(),
      /** @birthDate */ birthDate: date('birth_date'),
    });
  `;

  it('tags the columns, and the rows of queries that select them, but not the columns named in a query', async () => {
    await check(
      `${table}${register.replace('files: []', 'files:\n    - name: patients\n      exemption: experimental\n      purposes: [treatment]')}
      //- src/letters.ts
      import { eq } from 'drizzle-orm';
      import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
      import { patients } from './schema';

      /** @purpose marketing */
      export async function everything(db: NodePgDatabase) {
        const rows = await db.select().from(patients).where(eq(patients.name, 'x'));
        return rows[0]?.name;
        //              ^^^^ use-beyond-purpose +fix
      }
      /** @purpose marketing */
      export async function selected(db: NodePgDatabase) {
        const named = await db.select({ name: patients.name }).from(patients);
        return named[0]?.name;
        //               ^^^^ use-beyond-purpose +fix
      }
      `,
      { packages: drizzle },
    );
  });

  it('tags the rows of relational queries', async () => {
    await check(
      `${table}${register.replace('files: []', 'files:\n    - name: patients\n      exemption: experimental\n      purposes: [treatment]')}
      //- src/letters.ts
      import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
      import type * as schema from './schema';

      /** @purpose marketing */
      export async function greetings(db: NodePgDatabase<typeof schema>) {
        const rows = await db.query.patients.findMany();
        return rows[0]?.name;
        //              ^^^^ use-beyond-purpose +fix
      }
      `,
      { packages: drizzle },
    );
  });

  it('maps the rows Drizzle infers from a table to its columns', async () => {
    await check(
      `${table}${register.replace('files: []', 'files:\n    - name: patients\n      exemption: experimental\n      purposes: [treatment]')}
      //- src/letters.ts
      import type { InferInsertModel, InferSelectModel } from 'drizzle-orm';
      import type { patients } from './schema';

      /** @purpose marketing */
      export const selected = (row: typeof patients.$inferSelect) => row.name;
      //                                                                 ^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const inserted = (row: typeof patients.$inferInsert) => row.birthDate;
      //                                                                 ^^^^^^^^^ use-beyond-purpose +fix
      /** @purpose marketing */
      export const model = (row: InferSelectModel<typeof patients>, input: InferInsertModel<typeof patients>) => [row.name, input.id];
      //                                                                                                              ^^^^ use-beyond-purpose +fix
      /** @purpose treatment */
      export const chart = (row: typeof patients.$inferSelect) => [row.name, row.birthDate];
      `,
      { packages: drizzle },
    );
  });

  it('is a Personal Information File named by its SQL name', async () => {
    await check(
      `${table.replace("export const patients = pgTable('patients', {", "export const patients = pgTable('patients', {\n    //           ^^^^^^^^ unregistered-file +fix")}${register}`,
      { packages: drizzle },
    );
  });
});

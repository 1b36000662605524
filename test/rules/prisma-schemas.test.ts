/**
 * Prisma schemas (SPEC §2, "Where fields can be declared"): the `///` doc comments of models and fields
 * carry the tags; a model with a tagged field is a schema and a Personal Information File; findings about
 * it are anchored in the `.prisma` file, and its fixes write `///` lines.
 */
import { describe, it } from 'node:test';
import { check, checkFix } from '../support/check';
import { generatePrismaClient } from '../support/prisma';

const register = `
  //- pi-register.yaml
  organization: Minato Ward Health Centre
  purposes:
    - id: treatment
      description: Treatment
    - id: billing
      description: Billing
  files:
    - name: Patient
      exemption: experimental
      purposes: [treatment]
`;

describe('Prisma schemas: annotations in /// comments', () => {
  it('reads models and fields, and reports the mistakes there', async () => {
    await check(`
      //- prisma/schema.prisma
      generator client {
        provider = "prisma-client"
        output   = "../src/generated/prisma"
      }

      /// The clinic's patients.
      /// @purpose treatment
      model Patient {
        id        Int       @id @default(autoincrement())
        /// @personal name
        name      String
        /// @specialCare illness
      //                 ^^^^^^^ annotation-invalid
        history   String
        // @personal not a doc comment
        note      String
      }

      model Visit {
      //    ^^^^^ missing-purpose +fix
      //    ^^^^^ unregistered-file +fix
        id    Int    @id
        /// @personal contact
        phone String
      }

      /// @purpose treatment
      model Room {
        id    Int    @id
        label String
      }
      ${register}`);
  });

  it('names a model in the register by its name or by schema.prisma#Model', async () => {
    await check(`
      //- schema.prisma
      /// @purpose treatment
      model Patient {
        id   Int    @id
        /// @personal name
        name String
      }
      /// @purpose billing
      model Invoice {
        id    Int    @id
        /// @personal address
        payer String
      }
      ${register.replace('files:', 'files:\n    - name: Invoices\n      schema: schema.prisma#Invoice\n      exemption: experimental\n      purposes: [billing]')}`);
  });

  it('declares a purpose in a /// line of the model', async () => {
    const schema = (doc: string) => `
      //- schema.prisma
      ${doc}model Patient {
        id   Int    @id
        /// @personal name
        name String
      }
      ${register}`;
    await checkFix(schema(''), schema('/// @purpose treatment\n      '), { title: 'Declare purpose `treatment` on `Patient`' });
    await checkFix(schema('/// The patients.\n      '), schema('/// The patients.\n      /// @purpose treatment\n      '), {
      title: 'Declare purpose `treatment` on `Patient`',
    });
  });

  it('says where a schema cannot be parsed, and reads the rest of the workspace', async () => {
    await check(`
      //- schema.prisma
      model Patient {
        id Int @id
        /// @personal name
        name String
      }
      model {
      //    ^ annotation-invalid
      ${register}`);
  });
});

describe('Prisma schemas: uses through the generated client', () => {
  const schema = `
generator client {
  provider = "prisma-client"
  output   = "../src/generated/prisma"
}

datasource db {
  provider = "postgresql"
}

/// @purpose treatment
model Patient {
  id        Int       @id @default(autoincrement())
  /// @personal name
  name      String
  /// @birthDate
  birthDate DateTime?
  visits    Visit[]
}

/// @purpose treatment
model Visit {
  id        Int     @id
  patientId Int
  patient   Patient @relation(fields: [patientId], references: [id])
  /// @specialCare medical-history
  note      String
}
`;
  const client = () => ['@prisma/client', { at: 'src/generated/prisma', folder: generatePrismaClient(schema) }];

  it('maps the rows of the generated client to the models, and reads nothing from the generated code', async () => {
    await check(
      `
      //- prisma/schema.prisma
      ${schema.trim().split('\n').join('\n      ')}
      //- src/letters.ts
      import type { Patient, PrismaClient } from './generated/prisma/client.ts';

      /** @purpose billing */
      export async function greetings(prisma: PrismaClient, p: Patient) {
        const found = await prisma.patient.findFirst({ include: { visits: true } });
        return [p.name, found?.birthDate, found?.visits[0]?.note];
        //        ^^^^ use-beyond-purpose +fix
        //                     ^^^^^^^^^ use-beyond-purpose +fix
        //                                                  ^^^^ use-beyond-purpose +fix
      }
      ${register}    - name: Visit\n      exemption: experimental\n      purposes: [treatment]\n`,
      { packages: client() },
    );
  });
});

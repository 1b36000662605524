/**
 * The engine's editor queries (completion, hover facts, definitions) at a cursor: each case is a fixture with
 * one `^ cursor` marker (and, for definitions, `^^^ target` markers) and what the query must answer there.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from 'appi-guard-server/engine/workspace';
import { rules } from 'appi-guard-server/rules/index';
import { type Fixture, type Marker, parseFixture, root } from '../support/fixture';
import { MemoryHost } from '../support/memory-host';

const register = `
  //- pi-register.yaml
  organization: Minato Ward
  purposes:
    - id: treatment
      description: Providing medical treatment
    - id: billing
      description: Billing
  files:
    - name: Patient Registry
      schema: model.ts#Patient
`;

function load(source: string): { fixture: Fixture; workspace: Workspace } {
  const fixture = parseFixture(source);
  return { fixture, workspace: new Workspace({ rules, root, host: new MemoryHost(Object.fromEntries(fixture.files)) }) };
}

function offsetOf(fixture: Fixture, marker: Marker): number {
  const lines = fixture.files.get(marker.file)!.split('\n');
  return lines.slice(0, marker.line).reduce((sum, line) => sum + line.length + 1, 0) + marker.column;
}

function cursor(fixture: Fixture): { file: string; offset: number } {
  const marker = fixture.markers.find((m) => m.label === 'cursor')!;
  return { file: marker.file, offset: offsetOf(fixture, marker) };
}

const completions: ReadonlyArray<{ readonly name: string; readonly source: string; readonly labels: readonly string[] | undefined }> = [
  {
    name: 'tag names after @',
    source: `
      /** @pu */
      //     ^ cursor
      export const x = 1;`,
    labels: [
      'personal',
      'specialCare',
      'facial',
      'myNumber',
      'birthDate',
      'age',
      'parentalConsent',
      'consent',
      'purpose',
      'piFile',
      'minimumAge',
      'basis',
      'notPersonal',
    ],
  },
  {
    name: "purpose ids from the register's catalogue, less those already written",
    source: `
      //- main.ts
      /** @purpose billing  */
      //                   ^ cursor
      export const x = 1;
      ${register}`,
    labels: ['treatment'],
  },
  {
    name: 'purpose ids from the code when there is no register',
    source: `
      /** @purpose research */
      export interface A { /** @personal */ a: string }
      /** @purpose  */
      //           ^ cursor
      export const x = 1;`,
    labels: ['research'],
  },
  {
    name: 'a legal basis, only as the first argument',
    source: `
      /** @basis consent  */
      //                 ^ cursor
      export const x = 1;`,
    labels: [],
  },
  {
    name: 'file names after @piFile, quoted when they have spaces',
    source: `
      //- main.ts
      /** @piFile  */
      //          ^ cursor
      export interface Patient { /** @personal */ name: string }
      ${register}`,
    labels: ['"Patient Registry"'],
  },
  {
    name: 'in a JSDoc block still being typed, at the end of the file',
    source: `
      export const x = 1;
      /** @specialCare med
      //                  ^ cursor`,
    labels: [
      'race',
      'creed',
      'social-status',
      'medical-history',
      'criminal-record',
      'crime-victim',
      'disability',
      'checkup-result',
      'treatment',
      'criminal-procedure',
      'juvenile-procedure',
    ],
  },
  {
    name: 'nothing in a line comment',
    source: `
      // @pu
      //    ^ cursor
      export const x = 1;`,
    labels: undefined,
  },
  {
    name: 'nothing in a string that looks like JSDoc',
    source: `
      export const x = '/** @pu';
      //                       ^ cursor`,
    labels: undefined,
  },
];

describe('completions', () => {
  for (const { name, source, labels } of completions) {
    it(name, () => {
      const { fixture, workspace } = load(source);
      const at = cursor(fixture);
      assert.deepEqual(
        workspace.completionsAt(at.file, at.offset)?.map((item) => item.label),
        labels,
      );
    });
  }
});

describe('hover facts', () => {
  it('through a union, a rename in destructuring and a shorthand property', () => {
    const { fixture, workspace } = load(`
      /** @purpose treatment */
      export interface Patient { /** @personal name */ name: string }
      /** @purpose treatment */
      export interface Visitor { /** @personal name */ name: string }
      export function show(p: Patient | Visitor) {
        const { name: who } = p;
        //      ^ cursor
        return who;
      }`);
    const at = cursor(fixture);
    const info = workspace.hoverAt(at.file, at.offset)!;
    assert.deepEqual(
      info.fields.map((field) => `${field.schema}.${field.field}`),
      ['Patient.name', 'Visitor.name'],
    );
    assert.equal(info.context, undefined);
  });

  it('on an object literal property written for a schema', () => {
    const { fixture, workspace } = load(`
      /** @purpose treatment */
      export interface Patient { /** @facial */ face: string }
      export const p: Patient = { face: 'x' };
      //                          ^ cursor`);
    const at = cursor(fixture);
    assert.deepEqual(
      workspace.hoverAt(at.file, at.offset)?.fields.map((field) => field.kinds),
      [[{ tag: 'facial' }]],
    );
  });

  it('none on a property of the same name of another type', () => {
    const { fixture, workspace } = load(`
      export interface Patient { /** @personal */ name: string }
      export const other = { name: 'x' };
      export const n = other.name;
      //                     ^ cursor`);
    const at = cursor(fixture);
    assert.equal(workspace.hoverAt(at.file, at.offset), undefined);
  });
});

describe('definitions', () => {
  const cases = [
    {
      name: "from an entry's schema to the type",
      source: `
        //- model.ts
        /** @purpose treatment */
        export interface Patient { /** @personal */ name: string }
        //               ^^^^^^^ target
        //- pi-register.yaml
        files:
          - name: Patient Registry
            schema: model.ts#Patient
        #               ^ cursor`,
    },
    {
      name: 'from a purpose id in the code to the catalogue',
      source: `
        //- model.ts
        /** @purpose billing */
        //             ^ cursor
        export function bill() {}
        //- pi-register.yaml
        purposes:
          - id: billing
        #       ^^^^^^^ target
            description: Billing`,
    },
    {
      name: "from @piFile to the file's entry",
      source: `
        //- model.ts
        /** @piFile "Patient Registry" */
        //            ^ cursor
        export interface Patient { /** @personal */ name: string }
        //- pi-register.yaml
        files:
          - name: Patient Registry
        #         ^^^^^^^^^^^^^^^^ target`,
    },
  ];
  for (const { name, source } of cases) {
    it(name, () => {
      const { fixture, workspace } = load(source);
      const at = cursor(fixture);
      const targets = fixture.markers
        .filter((m) => m.label === 'target')
        .map((m) => ({ file: m.file, span: { start: offsetOf(fixture, m), end: offsetOf(fixture, m) + m.length } }));
      assert.deepEqual(workspace.definitionsAt(at.file, at.offset), targets);
    });
  }
});

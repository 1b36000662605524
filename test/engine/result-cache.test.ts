/**
 * Findings kept per file across edits must be what a fresh analysis of the same texts finds. Each case is a
 * workspace and a sequence of edits; after every edit the live workspace (answering from its cache where it
 * can) and a new one over the same texts must agree on every finding and on every place not checked
 * (coverage), and the finding or place the edit is about must have appeared or gone.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from 'appi-guard-server/base/finding';
import { Workspace } from 'appi-guard-server/engine/workspace';
import { rules } from 'appi-guard-server/rules/index';
import { markerOf } from '../support/check';
import { parseFixture, renderFixture, root } from '../support/fixture';
import { MemoryHost } from '../support/memory-host';

const model = `
  //- tsconfig.json
  { "compilerOptions": { "strict": true }, "include": ["**/*.ts"] }
  //- model.ts
  /** @purpose treatment */
  export interface Patient { /** @personal name */ name: string }
  /** @purpose marketing */
  export interface Visitor { /** @personal name */ name: string }
  /** @purpose identity-check */
  export interface Child { /** @facial */ photo?: string; /** @parentalConsent */ consent?: boolean }
`;

/** A photo kept in one file, with the consent checked by its only caller in another. */
const guardedInCaller = `
      //- store.ts
      import type { Child } from './model';
      export function keep(c: Child, photo: string) { c.photo = photo; }
      //- desk.ts
      import type { Child } from './model';
      import { keep } from './store';
      export function desk(c: Child, photo: string) { if (c.consent) keep(c, photo); }
`;

interface Case {
  readonly name: string;
  readonly files: string;
  /** Each step: a file, a search text and its replacement, and the counts by rule (and `unchecked <kind>`) the step must leave. */
  readonly steps: readonly {
    readonly file: string;
    readonly from: string;
    readonly to: string;
    readonly expect: Readonly<Record<string, number>>;
  }[];
}

const cases: readonly Case[] = [
  {
    name: 'a type changed in an imported file changes the findings of the files that import it, directly or not',
    files: `${model}
      //- people.ts
      import type { Patient, Visitor } from './model';
      export declare function current(): Patient;
      //- index.ts
      export * from './people';
      //- letters.ts
      import { current } from './index';
      /** @purpose marketing */
      export const greet = () => current().name;
      //- other.ts
      import type { Visitor } from './model';
      /** @purpose marketing */
      export const wave = (v: Visitor) => v.name;
    `,
    steps: [
      { file: 'people.ts', from: 'current(): Patient', to: 'current(): Visitor', expect: {} },
      { file: 'people.ts', from: 'current(): Visitor', to: 'current(): Patient', expect: { 'use-beyond-purpose': 1 } },
    ],
  },
  {
    name: 'a guard removed in a caller makes the collection in the file it calls unguarded',
    files: `${model}${guardedInCaller}`,
    steps: [
      { file: 'desk.ts', from: 'if (c.consent) keep', to: 'keep', expect: { 'minor-facial-consent': 1 } },
      { file: 'desk.ts', from: '{ keep(c, photo); }', to: '{ if (c.consent) keep(c, photo); }', expect: {} },
    ],
  },
  {
    name: 'an import taken out of the only caller leaves the collection it guarded with no guard',
    files: `${model}${guardedInCaller}`,
    steps: [
      { file: 'desk.ts', from: "import { keep } from './store';", to: '', expect: { 'minor-facial-consent': 1 } },
      { file: 'desk.ts', from: 'if (c.consent) keep(c, photo);', to: 'return [c, photo];', expect: { 'minor-facial-consent': 1 } },
    ],
  },
  {
    name: "a consent check's tag taken away elsewhere unguards the collection; lines moved above it do not",
    files: `${model}
      //- consent.ts
      import type { Child } from './model';
      /** @parentalConsent */
      export function hasConsent(c: Child): boolean { return c.consent === true; }
      //- desk.ts
      import type { Child } from './model';
      import { hasConsent } from './consent';
      export function desk(c: Child, photo: string) { if (hasConsent(c)) c.photo = photo; }
    `,
    steps: [
      {
        file: 'consent.ts',
        from: "import type { Child } from './model';",
        to: "import type { Child } from './model';\n// moved down a line",
        expect: {},
      },
      {
        file: 'consent.ts',
        from: '/** @parentalConsent */',
        to: '/** checks nothing the law asks */',
        expect: { 'minor-facial-consent': 1 },
      },
      { file: 'consent.ts', from: '/** checks nothing the law asks */', to: '/** @parentalConsent */', expect: {} },
    ],
  },
  {
    name: "a schema's purposes changed reach the files that read it through imports, and entries matched by name",
    files: `${model}
      //- service.ts
      import type { Patient } from './model';
      export declare function patients(): Patient[];
      //- export.ts
      import { patients } from './service';
      /** @purpose marketing */
      export function dump() { console.log(patients()); }
      //- staff.ts
      /** @purpose treatment @piFile "Staff" */
      export interface Staff { /** @personal name */ name: string }
      //- pi-register.yaml
      organization: Minato Ward
      purposes:
        - id: treatment
          description: Treatment
        - id: marketing
          description: Marketing
        - id: identity-check
          description: Identity check
      files:
        - name: Staff
          exemption: personnel
          purposes: [treatment]
    `,
    steps: [
      // The records logged are personal data in a log whatever the purposes (personal-data-in-log).
      { file: 'model.ts', from: '@purpose treatment */\n', to: '@purpose treatment marketing */\n', expect: { 'personal-data-in-log': 1 } },
      {
        file: 'model.ts',
        from: '@purpose treatment marketing */\n',
        to: '@purpose treatment */\n',
        expect: { 'use-beyond-purpose': 1, 'personal-data-in-log': 1 },
      },
      // The last JSDoc block is the one read: Patient loses its purposes, and claims the entry of staff.ts's file.
      {
        file: 'model.ts',
        from: 'export interface Patient',
        to: '/** @piFile "Staff" */ export interface Patient',
        expect: { 'missing-purpose': 1, 'unregistered-file': 1, 'personal-data-in-log': 1 },
      },
    ],
  },
  {
    name: 'an edit inside a JSDoc comment: a new tag reaches a whole record handed on elsewhere, purposes reach the files that use the fields, and a function purpose only its own file',
    files: `${model}
      //- contact.ts
      /** @purpose treatment */
      export interface Contact { /** how to reach them */ email: string }
      //- mailer.ts
      import type { Contact } from './contact';
      /** @purpose marketing */
      export function send(c: Contact) { console.log(c); }
      //- campaign.ts
      import { send } from './mailer';
      import type { Contact } from './contact';
      /** @purpose marketing */
      export function run(c: Contact) { send(c); return c.email; }
    `,
    steps: [
      {
        file: 'contact.ts',
        from: '/** how to reach them */',
        to: '/** @personal contact */',
        expect: { 'use-beyond-purpose': 2, 'personal-data-in-log': 1 },
      },
      { file: 'contact.ts', from: '@purpose treatment */', to: '@purpose treatment marketing */', expect: { 'personal-data-in-log': 1 } },
      {
        file: 'mailer.ts',
        from: '@purpose marketing',
        to: '@purpose research',
        expect: { 'use-beyond-purpose': 1, 'personal-data-in-log': 1 },
      },
      {
        file: 'campaign.ts',
        from: '@purpose marketing',
        to: '@purpose treatment',
        expect: { 'use-beyond-purpose': 1, 'personal-data-in-log': 1 },
      },
      // Untagged again, in a type that declares a purpose: a field whose name looks personal, suggested.
      { file: 'contact.ts', from: '@personal contact', to: 'how to reach them', expect: { 'possibly-personal': 1 } },
    ],
  },
  {
    name: 'a type that code with a purpose starts or stops handling in another file gets or loses its suggestions',
    files: `
      //- contact.ts
      export interface Contact { email: string; note: string }
      //- mailer.ts
      import type { Contact } from './contact';
      export function send(c: Contact) { return c.note; }
      //- other.ts
      /** @purpose marketing */
      export const unrelated = (n: number) => n;
    `,
    steps: [
      {
        file: 'mailer.ts',
        from: 'export function send',
        to: '/** @purpose marketing */ export function send',
        expect: { 'possibly-personal': 1 },
      },
      { file: 'contact.ts', from: 'note: string', to: 'note: string; fullName: string', expect: { 'possibly-personal': 2 } },
      { file: 'mailer.ts', from: '(c: Contact)', to: '(c: { note: string })', expect: {} },
      { file: 'mailer.ts', from: '(c: { note: string })', to: '(c: Contact[])', expect: { 'possibly-personal': 2 } },
      // The place the type is handled at moves with white space in its file.
      { file: 'mailer.ts', from: 'export function send', to: '\n\nexport function send', expect: { 'possibly-personal': 2 } },
      {
        file: 'contact.ts',
        from: 'email: string',
        to: '/** @notPersonal the desk address */ email: string',
        expect: { 'possibly-personal': 1 },
      },
    ],
  },
  {
    name: 'an age set in a comment takes a schema out of the collections that need consent',
    files: `${model}
      //- store.ts
      import type { Child } from './model';
      export function keep(c: Child, photo: string) { c.photo = photo; }
    `,
    steps: [
      { file: 'model.ts', from: '/** @purpose identity-check */', to: '/** @purpose identity-check @minimumAge 18 */', expect: {} },
      { file: 'model.ts', from: '@minimumAge 18', to: '@minimumAge 12', expect: { 'minor-facial-consent': 1 } },
    ],
  },
  {
    name: 'an edit to a script (global declarations) can change any file',
    files: `${model}
      //- globals.ts
      declare function whoever(): import('./model').Patient;
      //- letters.ts
      /** @purpose marketing */
      export const greet = () => whoever().name;
    `,
    steps: [
      { file: 'globals.ts', from: ').Patient', to: ').Visitor', expect: {} },
      { file: 'globals.ts', from: ').Visitor', to: ').Patient', expect: { 'use-beyond-purpose': 1 } },
    ],
  },
  {
    name: 'an edit in a file nothing imports leaves the others as they were, and is seen itself',
    files: `${model}
      //- a.ts
      import type { Patient } from './model';
      /** @purpose marketing */
      export const a = (p: Patient) => p.name;
      //- b.ts
      import type { Patient } from './model';
      /** @purpose treatment */
      export const b = (p: Patient) => p.name;
    `,
    steps: [
      { file: 'b.ts', from: '@purpose treatment', to: '@purpose marketing', expect: { 'use-beyond-purpose': 2 } },
      { file: 'b.ts', from: '(p: Patient) => p.name', to: '(p: Patient) => p.name.length', expect: { 'use-beyond-purpose': 2 } },
      { file: 'a.ts', from: 'p.name', to: 'p', expect: { 'use-beyond-purpose': 1 } },
    ],
  },
  {
    name: 'a use reached through calls follows edits to the caller, the callees and the contexts, comments included',
    files: `${model}
      //- names.ts
      import type { Patient } from './model';
      export function nameOf(p: Patient) { return p.name; }
      //- format.ts
      import type { Patient } from './model';
      import { nameOf } from './names';
      export function label(p: Patient) { return nameOf(p); }
      //- letters.ts
      import type { Patient } from './model';
      import { label } from './format';
      /** @purpose marketing */
      export const letter = (p: Patient) => label(p);
    `,
    steps: [
      { file: 'names.ts', from: 'return p.name;', to: "return '';", expect: {} },
      { file: 'names.ts', from: "return '';", to: 'return p.name;', expect: { 'use-beyond-purpose': 1 } },
      // White space alone moves the read that the finding in letters.ts points at, and nothing else.
      { file: 'names.ts', from: '{ return p.name; }', to: '{\n\n  return p.name;\n}', expect: { 'use-beyond-purpose': 1 } },
      { file: 'model.ts', from: 'export interface Patient {', to: '\nexport interface Patient {  ', expect: { 'use-beyond-purpose': 1 } },
      { file: 'letters.ts', from: 'export const letter', to: '\n\nexport const letter', expect: { 'use-beyond-purpose': 1 } },
      // Nothing with a context reaches `nameOf` now: its read is counted as not checked.
      { file: 'format.ts', from: 'return nameOf(p);', to: "return '';", expect: { 'unchecked unreached-use': 1 } },
      { file: 'format.ts', from: "return '';", to: 'return nameOf(p);', expect: { 'use-beyond-purpose': 1 } },
      { file: 'format.ts', from: 'export function label', to: '/** @purpose treatment */\nexport function label', expect: {} },
      // Now `label` is a context of its own: what it reaches is reported at its call, for billing.
      { file: 'format.ts', from: '/** @purpose treatment */', to: '/** @purpose billing */', expect: { 'use-beyond-purpose': 1 } },
      { file: 'format.ts', from: '/** @purpose billing */', to: '/** shared */', expect: { 'use-beyond-purpose': 1 } },
      { file: 'names.ts', from: 'export function nameOf', to: '/** @basis consent asked */\nexport function nameOf', expect: {} },
      { file: 'names.ts', from: '/** @basis consent asked */', to: '/** any reader */', expect: { 'use-beyond-purpose': 1 } },
      { file: 'letters.ts', from: '@purpose marketing', to: '@purpose treatment', expect: {} },
      { file: 'letters.ts', from: '@purpose treatment', to: '@purpose marketing', expect: { 'use-beyond-purpose': 1 } },
      { file: 'letters.ts', from: 'label(p);', to: "'';", expect: { 'unchecked unreached-use': 1 } },
    ],
  },
  {
    name: 'uses no context reaches follow edits: a purpose given to the caller, a call taken out, a helper that stops reading',
    files: `${model}
      //- names.ts
      import type { Patient } from './model';
      export function nameOf(p: Patient) { return p.name; }
      //- desk.ts
      import type { Patient } from './model';
      import { nameOf } from './names';
      /** shared */
      export const desk = (p: Patient) => nameOf(p);
    `,
    steps: [
      { file: 'desk.ts', from: '/** shared */', to: '/** @purpose treatment */', expect: {} },
      { file: 'desk.ts', from: 'nameOf(p);', to: "'';", expect: { 'unchecked unreached-use': 1 } },
      { file: 'desk.ts', from: "'';", to: 'nameOf(p);', expect: {} },
      { file: 'desk.ts', from: '/** @purpose treatment */', to: '/** shared */', expect: { 'unchecked unreached-use': 1 } },
      { file: 'names.ts', from: 'return p.name;', to: "return '';", expect: {} },
    ],
  },
  {
    name: 'what was not checked follows edits: a type taken away in an imported file, a field tagged or untagged elsewhere, a type given',
    files: `${model}
      //- source.ts
      export declare function row(): { name: string };
      //- reader.ts
      import { row } from './source';
      export const first = () => row().name;
      //- contact.ts
      /** @purpose treatment */
      export interface Contact { /** how to reach them */ email: string }
      //- loose.ts
      export const to = (r: any) => r.email + r.name;
    `,
    steps: [
      { file: 'source.ts', from: '{ name: string }', to: 'any', expect: { 'unchecked untyped-read': 2, 'possibly-personal': 1 } },
      { file: 'contact.ts', from: '/** how to reach them */', to: '/** @personal contact */', expect: { 'unchecked untyped-read': 3 } },
      { file: 'loose.ts', from: '(r: any)', to: '(r: { email: string; name: string })', expect: { 'unchecked untyped-read': 1 } },
      { file: 'loose.ts', from: '(r: { email: string; name: string })', to: '(r: any)', expect: { 'unchecked untyped-read': 3 } },
      {
        file: 'contact.ts',
        from: '@personal contact',
        to: 'how to reach them',
        expect: { 'unchecked untyped-read': 2, 'possibly-personal': 1 },
      },
      {
        file: 'source.ts',
        from: 'row(): any',
        to: 'row(): { name: string }',
        expect: { 'unchecked untyped-read': 1, 'possibly-personal': 1 },
      },
    ],
  },
];

/**
 * Findings and places not checked, as markers (`unchecked <kind>` for the places); a finding's label also
 * names its related places and the steps of its path, which an edit elsewhere can move.
 */
async function findingsOf(workspace: Workspace): Promise<string> {
  const { findings, coverage } = await workspace.analyseWorkspace();
  const places = coverage.unchecked.flatMap(({ file, range, kind }) =>
    range
      ? [
          {
            file,
            line: range.start.line,
            column: range.start.character,
            length: range.end.offset - range.start.offset,
            label: `unchecked ${kind}`,
          },
        ]
      : [],
  );
  const files = new Map([...new Set([...findings, ...places].map((item) => item.file))].map((file) => [file, workspace.text(file) ?? '']));
  const placesOf = (finding: Finding) =>
    [...finding.related, ...(finding.path ?? [])]
      .map(({ file, range }) => ` ${file}:${range.start.line}:${range.start.character}`)
      .join('');
  const markers = findings.map((finding) => {
    const marker = markerOf(finding, workspace);
    return { ...marker, label: `${marker.label}${placesOf(finding)}` };
  });
  return renderFixture(files, [...markers, ...places]);
}

/** How many findings of each rule, and places not checked of each kind, a fresh analysis gives. */
async function countsOf(workspace: Workspace): Promise<Record<string, number>> {
  const { findings, coverage } = await workspace.analyseWorkspace();
  const counts: Record<string, number> = {};
  for (const key of [...findings.map((finding) => finding.ruleId), ...coverage.unchecked.map((item) => `unchecked ${item.kind}`)])
    counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

describe('results kept across edits', () => {
  // An editor's workspace notes each file's imports as it goes; a one-off check's, edited after all, must be as right.
  for (const { name, files, steps } of cases)
    for (const edits of [true, false]) {
      it(`${name}${edits ? '' : ' (imports not noted)'}`, async () => {
        const texts = new Map(parseFixture(files).files);
        const live = new Workspace({ rules, root, host: new MemoryHost(Object.fromEntries(texts)), edits });
        await live.analyseWorkspace();
        for (const step of steps) {
          const file = `${root}/${step.file}`;
          const text = texts.get(file)!;
          assert.ok(text.includes(step.from), `${step.file} holds ${step.from}`);
          texts.set(file, text.replace(step.from, step.to));
          live.applyChange({ kind: 'edit', file, text: texts.get(file)! });
          const fresh = new Workspace({ rules, root, host: new MemoryHost(Object.fromEntries(texts)) });
          const [kept, anew] = [await findingsOf(live), await findingsOf(fresh)];
          assert.equal(kept, anew, `after ${step.file}: ${step.from} -> ${step.to}`);
          assert.deepEqual(await countsOf(fresh), step.expect, `the findings after ${step.file}: ${step.from} -> ${step.to}`);
        }
      });
    }
});

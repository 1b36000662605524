/**
 * Fingerprints (baselines, SARIF `partialFingerprints`): the same finding keeps its fingerprint when code
 * moves, lines are added above it or an unrelated function is renamed; a change of field, rule or context
 * gives a new one. Each case edits the workspace and compares the fingerprints of a fresh analysis.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse } from '../support/check';

const files = `
  //- model.ts
  /** @purpose treatment */
  export interface Patient {
    id: string;
    /** @personal name */ name: string;
    /** @specialCare medical-history */ diagnosis: string;
  }
  //- letters.ts
  import type { Patient } from './model';
  export function unrelated() { return 1; }
  /** @purpose marketing */
  export function invite(p: Patient) {
    return 'Dear ' + p.name;
  }
  /** @purpose marketing */
  export function remind(p: Patient) {
    return 'Dear ' + p.name + ', ' + p.name;
  }
`;

/** The fingerprints of the workspace's findings after `edit` of letters.ts (none: as it is), sorted. */
async function fingerprintsAfter(edit?: (text: string) => string): Promise<string[]> {
  const { workspace } = await analyse(files);
  if (edit) workspace.applyChange({ kind: 'open', file: '/ws/letters.ts', text: edit(workspace.text('/ws/letters.ts')!) });
  const { findings } = await workspace.analyseWorkspace();
  return workspace
    .fingerprints(findings)
    .map(({ fingerprint, where, finding }) => `${finding.ruleId} ${where} ${fingerprint}`)
    .sort();
}

describe('fingerprints', () => {
  it('are the same whatever the lines above, where the code is, and the names of other functions', async () => {
    const before = await fingerprintsAfter();
    assert.deepEqual(
      before.map((line) => line.split(' ').slice(0, 2).join(' ')),
      ['use-beyond-purpose invite', 'use-beyond-purpose remind'],
    );
    assert.deepEqual(await fingerprintsAfter((text) => `// A header added above.\n\n\n${text}`), before);
    assert.deepEqual(await fingerprintsAfter((text) => text.replace('unrelated()', 'renamed()')), before);
    assert.deepEqual(
      await fingerprintsAfter((text) => {
        // `remind` moved above `invite`.
        const start = text.indexOf('/** @purpose marketing */\nexport function remind');
        const remind = text.slice(start);
        return (
          text.slice(0, text.indexOf('/** @purpose marketing */')) + remind + text.slice(text.indexOf('/** @purpose marketing */'), start)
        );
      }),
      before,
    );
  });

  it('change with the field, the context or the rule, and count findings alike in order', async () => {
    const before = await fingerprintsAfter();
    const field = await fingerprintsAfter((text) => text.replace("'Dear ' + p.name;", "'Dear ' + p.diagnosis;"));
    assert.notDeepEqual(field, before);
    assert.equal(field.filter((line) => before.includes(line)).length, 1, 'only the other function keeps its fingerprint');
    const context = await fingerprintsAfter((text) => text.replace('export function invite', 'export function welcome'));
    assert.equal(context.filter((line) => before.includes(line)).length, 1);
    const rule = await fingerprintsAfter((text) => text.replace("return 'Dear ' + p.name;", 'console.log(p.name);'));
    assert.ok(rule.some((line) => line.startsWith('personal-data-in-log invite')));
  });

  it('tell findings alike in one function apart by their order, not their lines', async () => {
    const twice = (text: string) => text.replace("return 'Dear ' + p.name;", 'console.log(p.name);\n    console.log(p.name);');
    const logged = (await fingerprintsAfter(twice)).filter((line) => line.startsWith('personal-data-in-log'));
    assert.deepEqual(
      logged.map((line) => line.slice(line.lastIndexOf(':'))),
      [':1', ':2'],
    );
    const apart = (
      await fingerprintsAfter((text) => twice(text).replace('console.log(p.name);\n', 'console.log(p.name);\n\n    const x = 1;\n'))
    ).filter((line) => line.startsWith('personal-data-in-log'));
    assert.deepEqual(apart, logged);
  });
});

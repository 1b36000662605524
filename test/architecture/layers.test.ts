import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cycles, type ImportEdge, importGraph } from '../support/import-graph';

const source = path.resolve(__dirname, '../../../server/src');

/**
 * The layers of the server, lowest first: a file may import its own layer and the ones below, never one
 * above. The README's architecture section draws the same picture.
 */
const layers: readonly { readonly name: string; readonly holds: (file: string) => boolean }[] = [
  { name: 'base', holds: (file) => file.startsWith('base/') },
  { name: 'annotations', holds: (file) => file.startsWith('annotations/') },
  { name: 'register', holds: (file) => file.startsWith('register/') },
  { name: 'engine', holds: (file) => file.startsWith('engine/') },
  { name: 'rules', holds: (file) => file.startsWith('rules/') },
  { name: 'faces', holds: (file) => /^(cli|lsp|reporters|host)\//.test(file) || file === 'cli.ts' || file === 'main.ts' },
];

function layerOf(file: string): number {
  const index = layers.findIndex((layer) => layer.holds(file));
  assert.notEqual(index, -1, `${file} is in no layer: add its folder to test/architecture/layers.test.ts and to the README`);
  return index;
}

/** The imports that break the layering: upwards, or from one rule to another (only the registry lists rules). */
function violations(edges: readonly ImportEdge[]): string[] {
  return edges.flatMap(({ from, to }) => {
    const [a, b] = [layerOf(from), layerOf(to)];
    if (b > a) return [`${from} -> ${to}: ${layers[a]!.name} may not import ${layers[b]!.name}`];
    const rule = (file: string) => file.startsWith('rules/') && file !== 'rules/index.ts';
    if (rule(from) && rule(to)) return [`${from} -> ${to}: a rule may not import another rule (share through the engine)`];
    return [];
  });
}

describe('the server’s layers', () => {
  const edges = importGraph(source);

  it('point only down: base, annotations, register, engine, rules, faces', () => {
    assert.ok(edges.length > 100, `the import graph was read (${edges.length} imports)`);
    assert.deepEqual(violations(edges), []);
  });

  it('have no import cycles, not even through type-only imports', () => {
    assert.deepEqual(cycles(edges), []);
  });

  it('catch an upward import and a cycle (the checks themselves)', () => {
    const upward = [{ from: 'base/lines.ts', to: 'engine/workspace.ts' }];
    assert.deepEqual(violations(upward), ['base/lines.ts -> engine/workspace.ts: base may not import engine']);
    assert.deepEqual(violations([{ from: 'rules/a-rule.ts', to: 'rules/b-rule.ts' }]).length, 1);
    assert.deepEqual(
      cycles([
        { from: 'a.ts', to: 'b.ts' },
        { from: 'b.ts', to: 'c.ts' },
        { from: 'c.ts', to: 'a.ts' },
      ]),
      [['a.ts', 'b.ts', 'c.ts']],
    );
  });
});

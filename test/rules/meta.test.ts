import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { rules } from 'appi-guard-server/rules/index';

const repository = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(repository, file), 'utf8');

/** Rules, their tests and their docs change together: this keeps the three in step. */
describe('every rule', () => {
  for (const { meta } of rules) {
    it(`${meta.id}: has a test file, a docs page citing its provisions, and a row in the docs index and README`, () => {
      assert.ok(fs.existsSync(path.join(repository, 'test/rules', `${meta.id}.test.ts`)), `test/rules/${meta.id}.test.ts`);
      const page = read(`docs/rules/${meta.id}.md`);
      assert.match(page, new RegExp(`^# \`?${meta.id}\`?`, 'm'));
      for (const article of (meta.provision ?? '').match(/Art\. \d+/g) ?? [])
        assert.ok(page.includes(article), `docs/rules/${meta.id}.md cites ${article}`);
      assert.ok(read('docs/rules/README.md').includes(`${meta.id}.md`), 'listed in docs/rules/README.md');
      assert.ok(read('README.md').includes(`docs/rules/${meta.id}.md`), 'linked from README.md');
    });
  }

  it('has a unique kebab-case id', () => {
    const ids = rules.map((rule) => rule.meta.id);
    assert.deepEqual([...new Set(ids)], ids);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });
});

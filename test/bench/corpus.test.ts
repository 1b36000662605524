/**
 * The benchmark's 1,000-file corpus as a smoke check: the engine finds exactly what the generator planted.
 * It asserts findings only, never times (the benchmark, `npm run bench`, prints those).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { it } from 'node:test';
import { pathToFileURL } from 'node:url';

const repository = path.resolve(__dirname, '../../..');

interface CorpusCheck {
  checkCorpus(options: { files?: number; seed?: number }): { ok: boolean; report: string };
}

it('finds in a generated 1,000-file workspace exactly the findings the generator planted', async () => {
  // A computed specifier, so tsc leaves the ES module to Node's own loader.
  const script = pathToFileURL(path.join(repository, 'bench', 'corpus.check.mjs')).href;
  const { checkCorpus } = (await import(script)) as CorpusCheck;
  const { ok, report } = checkCorpus({ files: 1000, seed: 1 });
  assert.ok(ok, report);
  assert.match(report, /use-beyond-purpose/);
});

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Progress } from 'appi-guard-server/cli/progress';

/** A stand-in for stderr that records writes, and a clock the test moves by hand. */
function setup(isTTY: boolean) {
  const writes: string[] = [];
  let time = 0;
  const progress = new Progress({ stream: { isTTY, write: (text: string) => writes.push(text) }, start: 0, now: () => time });
  return { writes, progress, at: (milliseconds: number) => (time = milliseconds) };
}

// The CLI tests see stderr as a pipe only; drawing on a terminal is checked here, on the class the CLI uses.
describe('progress line', () => {
  it('stays silent for the first second, then rewrites one line in place, at most every 100 ms, and clears it', () => {
    const { writes, progress, at } = setup(true);
    at(900);
    progress.update(1, 4);
    at(1000);
    progress.update(2, 4);
    at(1050);
    progress.update(3, 4);
    at(1060);
    progress.update(4, 4);
    progress.clear();
    progress.clear();
    assert.deepEqual(writes, ['\r\x1b[KAnalysing 2/4 files…', '\r\x1b[KAnalysing 4/4 files…', '\r\x1b[K']);
  });

  it('writes nothing when the stream is not a terminal, or when the run ends within a second', () => {
    const piped = setup(false);
    piped.at(5000);
    piped.progress.update(1, 2);
    piped.progress.clear();
    const quick = setup(true);
    quick.at(999);
    quick.progress.update(2, 2);
    quick.progress.clear();
    assert.deepEqual([...piped.writes, ...quick.writes], []);
  });
});

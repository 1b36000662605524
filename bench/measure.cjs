/**
 * Preloaded into a measured process (`node --require bench/measure.cjs …`): at exit it adds the process's
 * own CPU time and peak RSS, as one JSON line, to the file named by `APPI_BENCH_USAGE`, which only the
 * process itself can tell (a parent sees neither). Node passes the preload on to the processes the
 * measured one starts with its own options (the CLI starts itself again with a larger young generation),
 * so each of them adds its line too; the parent sums them. Wall time is measured by the parent.
 */
'use strict';
const fs = require('node:fs');

const target = process.env.APPI_BENCH_USAGE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.appendFileSync(
      target,
      `${JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, rssMb: usage.maxRSS / 1024 })}\n`,
    );
  });
}

/**
 * Preloaded into a measured process (`node --require bench/measure.cjs …`): at exit it writes the process's
 * own CPU time and peak RSS to the file named by `APPI_BENCH_USAGE`, which only the process itself can tell
 * (a parent sees neither). Wall time is measured by the parent, from spawn to exit.
 */
'use strict';
const fs = require('node:fs');

const target = process.env.APPI_BENCH_USAGE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(target, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, rssMb: usage.maxRSS / 1024 }));
  });
}

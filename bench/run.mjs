#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
/**
 * The benchmark (`npm run bench`): on generated corpora of each size, in one run on this machine,
 *   - cold full analysis through the CLI (wall, CPU, peak RSS, time per phase) beside `tsc --noEmit` over the
 *     same files (the reference), and their ratios; beside them, the CPU that building and binding the
 *     reference's program alone takes (`program.mjs`), the part of the floor no analysis can shorten;
 *   - the incremental path through the language server over stdio: edits to a use site, a schema's
 *     `@purpose` and the register, each timed to the end of the run it causes, median and p95, with
 *     tsserver's latency for the same use-site edits beside ours;
 *   - the CLI on the sample clinic.
 * Prints a table and writes the figures as JSON; `--compare old.json` prints the change against an earlier run.
 *
 *   node bench/run.mjs [--sizes 1000,10000] [--seed 1] [--edits 34] [--runs 3] [--out FILE] [--compare FILE] [--no-lsp]
 *     [--lsp-max 10000 (the largest corpus the language server is measured on)] [--deps]
 *
 * `--deps`: corpora that use real type packages (React, a UI kit, FHIR), installed with `npm install` in the
 * corpus the first time, so that the checker's work resembles an application's.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from './generate.mjs';
import { LanguageServer } from './lsp.mjs';
import { measure } from './processes.mjs';
import { TsServer } from './tsserver.mjs';

const repository = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(repository, 'server/bin/appi-guard.js');
const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript')), 'tsc.js');
const programOnly = fileURLToPath(new URL('./program.mjs', import.meta.url));

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    seed: { type: 'string', default: '1' },
    // 34 of each kind: over 100 edits in all, for the memory they leave behind.
    edits: { type: 'string', default: '34' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: path.join(repository, 'bench/results/latest.json') },
    compare: { type: 'string' },
    lsp: { type: 'boolean', default: true },
    'no-lsp': { type: 'boolean' },
    'lsp-max': { type: 'string', default: '10000' },
    deps: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const seed = Number(values.seed);
const edits = Number(values.edits);
const runs = Number(values.runs);
const scratch = path.join(os.tmpdir(), 'appi-guard-bench');

async function main() {
  const results = { machine: machine(), date: new Date().toISOString(), seed, deps: values.deps, scenarios: [] };
  for (const files of sizes) results.scenarios.push(await scenario(files));
  if (results.scenarios.length >= 2)
    results.exponents = { cpu: exponent(results.scenarios, (s) => s.cold.cpuMs), rss: exponent(results.scenarios, (s) => s.cold.rssMb) };
  results.clinic = await cold(path.join(repository, 'samples/clinic'));
  fs.mkdirSync(path.dirname(values.out), { recursive: true });
  fs.writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
  print(results, values.compare && JSON.parse(fs.readFileSync(values.compare, 'utf8')));
  console.log(`\nfigures written to ${path.relative(process.cwd(), values.out)}`);
}

async function scenario(files) {
  const dir = path.join(scratch, `corpus-${files}-${seed}${values.deps ? '-deps' : ''}`);
  const generated = generate({ files, seed, out: dir, deps: values.deps });
  log(`${files} files: generated in ${dir}`);
  if (values.deps && !fs.existsSync(path.join(dir, 'node_modules'))) {
    log('  installing the type packages it uses');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  // Ours and tsc in turn, `--runs` times each, the run of median CPU time kept: this machine's figures vary
  // by a tenth from one run to the next.
  const [oursRuns, referenceRuns, programRuns] = [[], [], []];
  const config = referenceConfig(dir);
  for (let run = 0; run < runs; run++) {
    oursRuns.push(await cold(dir));
    referenceRuns.push(await typecheck(config));
    programRuns.push(await program(config));
  }
  const [ours, reference, programAlone] = [medianRun(oursRuns), medianRun(referenceRuns), medianRun(programRuns)];
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
  const found = countByRule(ours.findings);
  if (JSON.stringify(found) !== JSON.stringify(sortKeys(expected.counts ?? {})))
    log(`  warning: findings ${JSON.stringify(found)} differ from planted ${JSON.stringify(expected.counts)}`);
  const cpus = (list) => list.map((run) => ms(run.cpuMs)).join(', ');
  log(
    `  cold (median of ${runs}): ${ms(ours.wallMs)} wall, ${ms(ours.cpuMs)} CPU (${cpus(oursRuns)}), ${ours.rssMb.toFixed(0)} MB; tsc ${ms(reference.cpuMs)} CPU (${cpus(referenceRuns)}), ${reference.rssMb.toFixed(0)} MB; its program alone ${ms(programAlone.cpuMs)} CPU (${cpus(programRuns)})`,
  );
  const incremental = values.lsp && !values['no-lsp'] && files <= Number(values['lsp-max']) ? await editing(dir) : undefined;
  return {
    files: generated.files,
    lines: generated.lines,
    cold: {
      wallMs: ours.wallMs,
      cpuMs: ours.cpuMs,
      rssMb: ours.rssMb,
      phases: ours.phases,
      findings: found,
      cpuMsRuns: oursRuns.map((run) => run.cpuMs),
    },
    tsc: { ...reference, cpuMsRuns: referenceRuns.map((run) => run.cpuMs) },
    program: { ...programAlone, cpuMsRuns: programRuns.map((run) => run.cpuMs) },
    ratios: {
      cpu: ours.cpuMs / reference.cpuMs,
      rss: ours.rssMb / reference.rssMb,
      wall: ours.wallMs / reference.wallMs,
      programCpu: programAlone.cpuMs / reference.cpuMs,
    },
    ...(incremental && { incremental }),
  };
}

function medianRun(list) {
  return [...list].sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor((list.length - 1) / 2)];
}

/** The CLI, cold, with its phase timings. */
async function cold(dir) {
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'appi-bench-')), 'findings.json');
  const run = await measure(cli, ['check', dir, '--format', 'json', '--output', output, '--exit-zero', '--timings']);
  if (run.status !== 0) throw new Error(`appi-guard check failed:\n${run.stderr}`);
  const phases = Object.fromEntries(
    run.stderr.split('\n').flatMap((line) => {
      const match = /^timing (.+): ([\d.]+) ms$/.exec(line);
      return match ? [[match[1], Number(match[2])]] : [];
    }),
  );
  const findings = JSON.parse(fs.readFileSync(output, 'utf8')).findings.filter((finding) => !finding.suppressed);
  fs.rmSync(path.dirname(output), { recursive: true, force: true });
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, rssMb: run.rssMb, phases, findings };
}

/**
 * `tsc --noEmit` over the same files as one program: what type-checking the workspace costs. (Per project,
 * `tsc --noEmit -p` stops at references whose outputs are not built, and `tsc -b` cannot skip emitting.)
 */
async function typecheck(config) {
  const run = await measure(tsc, ['-p', config]);
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, rssMb: run.rssMb };
}

/** The reference's program built and bound, and nothing else (`program.mjs`). */
async function program(config) {
  const run = await measure(programOnly, [config]);
  if (run.status !== 0) throw new Error(`program.mjs failed:\n${run.stderr}`);
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, rssMb: run.rssMb };
}

/** The reference's `tsconfig.json`, beside the corpus: every file of it, with the corpus's options. */
function referenceConfig(dir) {
  const config = path.join(path.dirname(dir), `tsc-reference-${path.basename(dir)}.json`);
  fs.writeFileSync(
    config,
    JSON.stringify({
      extends: `./${path.basename(dir)}/tsconfig.base.json`,
      compilerOptions: { noEmit: true },
      include: [`./${path.basename(dir)}/**/*.ts`, `./${path.basename(dir)}/**/*.tsx`],
      exclude: [`./${path.basename(dir)}/**/node_modules`],
    }),
  );
  return config;
}

/** Edits through the language server, and the same use-site edits through tsserver. */
async function editing(dir) {
  const useSite = findUseSite(dir);
  const schema = findLine(path.join(dir, 'packages/model/src'), /@purpose [\w-]+/);
  const register = findLine(dir, /^\s+description: .+$/, 'pi-register.yaml');
  const server = await LanguageServer.start(dir);
  const started = performance.now();
  await server.idle(0);
  const coldMs = performance.now() - started;
  const memory = { afterColdMb: server.memory().peakMb };
  const series = {};
  for (const [name, site, insert] of [
    // A token (an empty statement), not white space: the server takes an edit of white space alone for
    // trivia, which the files that import the edited one need not see, and that is measured apart.
    ['useSite', useSite, useSite.insert],
    ['whiteSpace', useSite, ' '],
    ['purpose', schema, ' research'],
    ['register', register, ' (edited)'],
  ]) {
    await server.open(site.file);
    const times = [];
    for (let i = 0; i < edits; i++) {
      const end = site.text.length;
      const adding = i % 2 === 0;
      const range = adding
        ? { start: { line: site.line, character: end }, end: { line: site.line, character: end } }
        : { start: { line: site.line, character: end }, end: { line: site.line, character: end + insert.length } };
      times.push(await server.editAndSettle(site.file, range, adding ? insert : ''));
    }
    series[name] = summary(times);
    log(`  ${name} edits: median ${ms(series[name].median)}, p95 ${ms(series[name].p95)}`);
  }
  const after = server.memory();
  Object.assign(memory, { afterEditsMb: after.rssMb, peakMb: after.peakMb, edits: edits * 3, ratio: after.rssMb / memory.afterColdMb });
  // Right after a burst of edits much of the heap is garbage V8 has not collected yet; it does when the
  // process is idle (its memory reducer). What a user's editor holds between edits is the settled figure.
  const idle = await settledMemory(server, after.rssMb);
  Object.assign(memory, { idleMb: idle.rssMb, idleSeconds: idle.seconds, idleRatio: idle.rssMb / memory.afterColdMb });
  log(
    `  server memory: ${memory.afterColdMb.toFixed(0)} MB after the first run, ${after.rssMb.toFixed(0)} MB right after ${edits * 3} edits (${memory.ratio.toFixed(2)}×), ${idle.rssMb.toFixed(0)} MB ${idle.seconds} s later (${memory.idleRatio.toFixed(2)}×)`,
  );
  await server.stop();
  const reference = await tsserverEdits(dir, useSite, useSite.insert);
  log(
    `  tsserver use-site edits: median ${ms(reference.median)}, p95 ${ms(reference.p95)}; memory ${reference.memory.afterOpenMb.toFixed(0)} MB after opening, ${reference.memory.afterEditsMb.toFixed(0)} MB after ${reference.memory.edits} edits (${reference.memory.ratio.toFixed(2)}×)`,
  );
  return { coldMs, ...series, tsserverUseSite: reference, memory };
}

/** The server's memory once it has been idle long enough for V8 to collect: it falls, or 30 s pass. */
async function settledMemory(server, busyMb) {
  const started = performance.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const { rssMb } = server.memory();
    const seconds = Math.round((performance.now() - started) / 1000);
    if (rssMb < busyMb * 0.9 || seconds >= 30) return { rssMb, seconds };
  }
}

async function tsserverEdits(dir, site, insert) {
  const server = new TsServer();
  await server.open(site.file, dir);
  const opened = server.memory();
  // The same text added at the end of the line, then taken away (1-based line and offset, as tsserver counts).
  const offset = site.text.length + 1;
  const editAt = (i) =>
    i % 2 === 0
      ? { line: site.line + 1, offset, endLine: site.line + 1, endOffset: offset, insertString: insert }
      : { line: site.line + 1, offset, endLine: site.line + 1, endOffset: offset + insert.length, insertString: '' };
  const times = [];
  for (let i = 0; i < edits; i++) times.push(await server.editAndCheck(site.file, editAt(i)));
  // The same count of edits as ours had in all, for the memory they leave: tsserver's heap grows the same way.
  for (let i = edits; i < edits * 3; i++) await server.editAndCheck(site.file, editAt(i));
  const after = server.memory();
  server.close();
  return {
    ...summary(times),
    memory: { afterOpenMb: opened.peakMb, afterEditsMb: after.rssMb, edits: edits * 3, ratio: after.rssMb / opened.peakMb },
  };
}

/** A line with a planted use beyond purpose: an edit there is an edit of code that uses personal information. */
function findUseSite(dir) {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
  const finding = expected.findings.find((f) => f.ruleId === 'use-beyond-purpose');
  const file = path.join(dir, finding.file);
  const text = fs.readFileSync(file, 'utf8').split('\n')[finding.line];
  // An empty statement after a statement's end changes a token and nothing else; elsewhere, a space.
  return { file, line: finding.line, text, insert: text.trimEnd().endsWith(';') ? ';' : ' ' };
}

function findLine(dir, pattern, only) {
  const files = only
    ? [path.join(dir, only)]
    : fs
        .readdirSync(dir, { recursive: true })
        .map((name) => path.join(dir, name))
        .filter((name) => name.endsWith('.ts'))
        .sort();
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((text) => pattern.test(text));
    if (line >= 0) return { file, line, text: lines[line] };
  }
  throw new Error(`no line matching ${pattern} in ${dir}`);
}

/** Least squares on log(cost) against log(files): 1 is linear growth. */
function exponent(scenarios, cost) {
  const points = scenarios.map((s) => [Math.log(s.files), Math.log(cost(s))]);
  const mx = points.reduce((a, [x]) => a + x, 0) / points.length;
  const my = points.reduce((a, [, y]) => a + y, 0) / points.length;
  return points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), count: times.length };
}

function countByRule(findings) {
  const counts = {};
  for (const finding of findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
  return sortKeys(counts);
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

function machine() {
  return { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
}

function print(results, previous) {
  const rows = [
    [
      'files',
      'ours CPU',
      'tsc CPU',
      'CPU ×tsc',
      'program ×tsc',
      'ours RSS',
      'tsc RSS',
      'RSS ×tsc',
      'wall',
      'use-site p50/p95',
      'tsserver p50/p95',
      '@purpose p95',
      'register p95',
    ],
  ];
  for (const s of results.scenarios) {
    const inc = s.incremental;
    rows.push([
      String(s.files),
      ms(s.cold.cpuMs),
      ms(s.tsc.cpuMs),
      s.ratios.cpu.toFixed(2),
      s.ratios.programCpu === undefined ? '-' : s.ratios.programCpu.toFixed(2),
      `${s.cold.rssMb.toFixed(0)} MB`,
      `${s.tsc.rssMb.toFixed(0)} MB`,
      s.ratios.rss.toFixed(2),
      ms(s.cold.wallMs),
      inc ? `${ms(inc.useSite.median)} / ${ms(inc.useSite.p95)}` : '-',
      inc ? `${ms(inc.tsserverUseSite.median)} / ${ms(inc.tsserverUseSite.p95)}` : '-',
      inc ? ms(inc.purpose.p95) : '-',
      inc ? ms(inc.register.p95) : '-',
    ]);
  }
  console.log(`\n${table(rows)}`);
  if (results.exponents)
    console.log(
      `\ngrowth with the number of files (fitted exponent, 1 = linear): CPU ${results.exponents.cpu.toFixed(2)}, RSS ${results.exponents.rss.toFixed(2)}`,
    );
  for (const s of results.scenarios) {
    console.log(
      `\nphases at ${s.files} files (ms): ${Object.entries(s.cold.phases)
        .map(([phase, t]) => `${phase} ${t.toFixed(0)}`)
        .join(', ')}`,
    );
    const inc = s.incremental;
    if (!inc) continue;
    const line = (name, series) => `${name} ${ms(series.median)} / ${ms(series.p95)}`;
    console.log(
      `language server at ${s.files} files: first run ${ms(inc.coldMs)}; edits (median / p95 of ${inc.useSite.count}) ${line('use site', inc.useSite)} (${(inc.useSite.p95 / inc.tsserverUseSite.p95).toFixed(2)}× tsserver's p95), ${line('@purpose', inc.purpose)}, ${line('register', inc.register)}${inc.whiteSpace ? `, ${line('white space at the use site', inc.whiteSpace)}` : ''}`,
    );
    const theirs = inc.tsserverUseSite.memory;
    if (theirs)
      console.log(
        `  tsserver's memory: ${theirs.afterOpenMb.toFixed(0)} MB after opening, ${theirs.afterEditsMb.toFixed(0)} MB after ${theirs.edits} edits (${theirs.ratio.toFixed(2)}×)`,
      );
    console.log(
      `  memory: ${inc.memory.afterColdMb.toFixed(0)} MB after the first run, ${inc.memory.afterEditsMb.toFixed(0)} MB right after ${inc.memory.edits} edits (${inc.memory.ratio.toFixed(2)}×), ${inc.memory.idleMb.toFixed(0)} MB once idle for ${inc.memory.idleSeconds} s (${inc.memory.idleRatio.toFixed(2)}×)`,
    );
  }
  console.log(
    `\nsample clinic: ${ms(results.clinic.wallMs)} wall, ${ms(results.clinic.cpuMs)} CPU, ${results.clinic.rssMb.toFixed(0)} MB, ${results.clinic.findings.length} findings`,
  );
  if (previous) {
    console.log('\nagainst the earlier run:');
    for (const s of results.scenarios) {
      const old = previous.scenarios.find((p) => p.files === s.files);
      if (old)
        console.log(
          `  ${s.files} files: CPU ${change(s.cold.cpuMs, old.cold.cpuMs)}, RSS ${change(s.cold.rssMb, old.cold.rssMb)}${s.incremental && old.incremental ? `, use-site p95 ${change(s.incremental.useSite.p95, old.incremental.useSite.p95)}` : ''}`,
        );
    }
  }
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => cell.padStart(widths[i])).join('  ')).join('\n');
}

const ms = (value) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);
const change = (now, before) => `${now >= before ? '+' : ''}${(((now - before) / before) * 100).toFixed(0)}%`;

function log(line) {
  process.stderr.write(`${line}\n`);
}

await main();

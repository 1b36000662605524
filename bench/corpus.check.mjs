#!/usr/bin/env node
/**
 * Smoke check of the engine against the corpus generator: generates a corpus (1,000 files, seed 1 unless
 * told otherwise) into a temporary folder, runs `appi-guard check DIR --format json`, and compares the
 * unsuppressed findings (rule, file, line, character), and the places not checked that the corpus plants
 * (reads on untyped values, uses no context reaches: counts by file), with the generator's `expected.json`. Exits 1 with a
 * readable diff when they differ; prints the counts per rule. Times are printed, never asserted.
 *
 *   node bench/corpus.check.mjs [--files 1000] [--seed 1] [--tsx-share 0.1] [...generator options]
 *     [--dir DIR (check an existing corpus)] [--keep]
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, parseArguments } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'server/bin/appi-guard.js');

/**
 * @param {{ dir?: string, keep?: boolean } & Record<string, unknown>} options generator options, or `dir`
 * @returns {{ ok: boolean, report: string }}
 */
/** @public the test suite imports it (test/bench/corpus.test.ts) */
export function checkCorpus(options = {}) {
  let dir = options.dir;
  const lines = [];
  let temporary;
  if (!dir) {
    temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'appi-corpus-'));
    dir = temporary;
    const started = performance.now();
    const { dir: _, keep: __, ...generatorOptions } = options;
    const result = generate({ files: 1000, seed: 1, ...generatorOptions, out: dir });
    lines.push(`generated ${result.files} files, ${result.lines} lines in ${Math.round(performance.now() - started)} ms (${dir})`);
  }
  try {
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
    const started = performance.now();
    let stdout;
    try {
      stdout = execFileSync(process.execPath, [cli, 'check', dir, '--format', 'json'], { maxBuffer: 1 << 30, encoding: 'utf8' });
    } catch (error) {
      if (error.status !== 1) throw new Error(`appi-guard check failed (${error.status}): ${error.stderr}`);
      stdout = error.stdout; // exit 1: error-severity findings, as planted
    }
    lines.push(`appi-guard check: ${Math.round(performance.now() - started)} ms`);
    const report = JSON.parse(stdout);
    const key = (f) => `${f.ruleId} ${f.file}:${f.line}:${f.character}`;
    const actual = report.findings
      .filter((f) => !f.suppressed)
      .map((f) => ({ ruleId: f.ruleId, file: f.file, line: f.range.start.line, character: f.range.start.character, message: f.message }));
    const actualSuppressed = report.findings
      .filter((f) => f.suppressed)
      .map((f) => ({ ruleId: f.ruleId, file: f.file, line: f.range.start.line, character: f.range.start.character }));
    const diff = compare(expected.findings, actual, key);
    const diffSuppressed = compare(expected.suppressed, actualSuppressed, key);

    const rules = [...new Set([...expected.findings, ...actual].map((f) => f.ruleId))].sort();
    lines.push('rule                      expected  actual');
    for (const rule of rules) {
      const count = (list) => list.filter((f) => f.ruleId === rule).length;
      lines.push(`${rule.padEnd(26)}${String(count(expected.findings)).padStart(8)}${String(count(actual)).padStart(8)}`);
    }
    lines.push(
      `${'(suppressed)'.padEnd(26)}${String(expected.suppressed.length).padStart(8)}${String(actualSuppressed.length).padStart(8)}`,
    );
    for (const f of diff.missing) lines.push(`  missing:    ${key(f)}`);
    for (const f of diff.unexpected) lines.push(`  unexpected: ${key(f)}  ${f.message ?? ''}`);
    for (const f of diffSuppressed.missing) lines.push(`  note: suppressed finding not reported: ${key(f)}`);
    for (const f of diffSuppressed.unexpected) lines.push(`  note: unexpected suppressed finding: ${key(f)}`);
    const places = compareUnchecked(expected.unchecked, report.coverage);
    lines.push(...places.lines);
    const ok = diff.missing.length === 0 && diff.unexpected.length === 0 && places.ok;
    lines.push(
      ok
        ? `OK: ${actual.length} findings as planted, and the places not checked`
        : `FAIL: ${diff.missing.length} missing, ${diff.unexpected.length} unexpected${places.ok ? '' : ', places not checked differ'}`,
    );
    return { ok, report: lines.join('\n') };
  } finally {
    if (temporary && !options.keep) fs.rmSync(temporary, { recursive: true, force: true });
  }
}

/** The kinds of places not checked the corpus plants or makes, compared file by file (the others depend on what is installed). */
const plantedKinds = ['untyped-read', 'unreached-use'];

function compareUnchecked(expected, coverage) {
  const counts = (entries) => {
    const map = new Map();
    for (const entry of entries) for (const kind of plantedKinds) if (entry[kind]) map.set(`${kind} ${entry.file}`, entry[kind]);
    return map;
  };
  const want = counts(expected);
  const got = counts(
    coverage.files.map((entry) => {
      const byKind = { file: entry.file };
      for (const item of entry.unchecked) byKind[item.kind] = (byKind[item.kind] ?? 0) + 1;
      return byKind;
    }),
  );
  const lines = [];
  for (const kind of plantedKinds) {
    const total = (map) => [...map].filter(([key]) => key.startsWith(`${kind} `)).reduce((n, [, count]) => n + count, 0);
    lines.push(`${`(not checked: ${kind})`.padEnd(26)}${String(total(want)).padStart(8)}${String(total(got)).padStart(8)}`);
  }
  for (const key of new Set([...want.keys(), ...got.keys()])) {
    if (want.get(key) !== got.get(key)) lines.push(`  not checked: ${key}: expected ${want.get(key) ?? 0}, found ${got.get(key) ?? 0}`);
  }
  return { ok: lines.length === plantedKinds.length, lines };
}

function compare(expected, actual, key) {
  const want = new Map(expected.map((f) => [key(f), f]));
  const got = new Map(actual.map((f) => [key(f), f]));
  return {
    missing: [...want].filter(([k]) => !got.has(k)).map(([, f]) => f),
    unexpected: [...got].filter(([k]) => !want.has(k)).map(([, f]) => f),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const options = {};
  const dirAt = argv.indexOf('--dir');
  if (dirAt >= 0) options.dir = argv.splice(dirAt, 2)[1];
  const keepAt = argv.indexOf('--keep');
  if (keepAt >= 0) options.keep = Boolean(argv.splice(keepAt, 1));
  if (!options.dir) Object.assign(options, parseArguments([...argv, '--out', '-']));
  delete options.out;
  const { ok, report } = checkCorpus(options);
  console.log(report);
  process.exit(ok ? 0 : 1);
}

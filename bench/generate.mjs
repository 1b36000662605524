#!/usr/bin/env node
/**
 * The benchmark's corpus generator: a workspace of N files of realistic TypeScript (record types, most of
 * them without personal information; utilities, services, handlers, components and tests importing each
 * other in layers; `@purpose` contexts, uses, escapes, collections of facial data and their guards), its
 * `tsconfig.json` projects and its register, and `expected.json`: every finding planted in it, exactly.
 *
 * Deterministic: the same options give byte-identical files. Proportions: bench/README.md.
 *
 *   node bench/generate.mjs --files 1000 --seed 1 --out DIR [--lines-per-file 60] [--accesses-per-line 0.3]
 *     [--tsx-share 0.1] [--tagged-name-share 0.15] [--projects 4] [--schemas N] [--deps] [--force]
 *
 * `generate(options)` is the same from a script: it writes the corpus and returns its summary.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FunctionPlanner } from './corpus/functions.mjs';
import { importable, planModules, specialCounts } from './corpus/plan.mjs';
import { writeProjects } from './corpus/projects.mjs';
import { createRandom } from './corpus/random.mjs';
import { writeRegister } from './corpus/register.mjs';
import { planSchemas, writeModel } from './corpus/schemas.mjs';
import { planSpecials } from './corpus/specials.mjs';
import { AREAS, PURPOSES, TAGGED_NAME_PATTERN } from './corpus/vocabulary.mjs';
import { writeModule } from './corpus/write.mjs';

/** @public the generator's options, for callers of `generate` */
export const DEFAULTS = {
  files: 1000,
  seed: 1,
  linesPerFile: 60,
  accessesPerLine: 0.3,
  tsxShare: 0.1,
  taggedNameShare: 0.15,
  projects: 4,
  schemas: undefined, // files / 20, between 20 and 400
  taggedShare: 0.3,
  deps: false,
};

/**
 * Generates a corpus into `options.out` (created; an earlier corpus there is replaced).
 * @param {Partial<typeof DEFAULTS> & { out: string, force?: boolean }} input
 * @returns {{ out: string, files: number, lines: number, accesses: number, expected: object }}
 */
export function generate(input) {
  const options = { ...DEFAULTS, ...input };
  options.projects = Math.max(2, Math.min(13, options.projects));
  options.schemas ??= Math.max(20, Math.min(400, Math.round(options.files / 20)));
  const random = createRandom(options.seed);

  const schemas = planSchemas(random, { schemas: options.schemas, taggedShare: options.taggedShare });
  const modelFiles = writeModel(random, schemas.all, { areas: AREAS });
  const { apps, modules } = planModules(random, options, { modelFiles: modelFiles.length });
  for (const module of modules) {
    if (module.kind === 'script' || ((module.kind === 'service' || module.kind === 'handler') && random.chance(0.12))) {
      module.filePurpose = [random.pick(PURPOSES).id];
    }
  }
  planSpecials(random, modules, schemas, specialCounts(options.files));

  const ctx = {
    options,
    planner: new FunctionPlanner(random, options, schemas),
    schemas,
    exports: new Map(),
    functions: [],
    pool: [],
    stats: { contexts: { own: 0, inherited: 0, none: 0 }, reads: { tagged: 0, plain: 0 }, escapes: { tagged: 0, plain: 0 }, specials: {} },
  };
  const written = [...modelFiles];
  for (const module of modules) {
    ctx.pool = importable(module, modules, apps);
    written.push(writeModule(random, module, ctx));
  }

  countUnreached(ctx.functions, written);
  const files = new Map(written.map((f) => [f.file, f.text()]));
  for (const [file, text] of writeProjects(apps, options)) files.set(file, text);
  files.set('pi-register.yaml', writeRegister(schemas, options));

  const expected = expectations(options, written, modules, schemas, ctx.stats, files);
  files.set('expected.json', `${JSON.stringify(expected, null, 2)}\n`);
  writeTree(options, files);
  const sources = [...files.keys()].filter((f) => /\.tsx?$/.test(f));
  return {
    out: path.resolve(options.out),
    files: sources.length,
    lines: expected.stats.lines,
    accesses: expected.stats.propertyAccesses,
    expected,
  };
}

/**
 * The uses no context reaches, counted in the files they are in: those of the functions with no context of
 * their own that no function with one calls, directly or through functions without one, within 8 levels
 * (as the engine follows calls).
 */
function countUnreached(functions, written) {
  const depthOf = new Map();
  const enter = (fn, depth) => {
    if (fn.context.length || (depthOf.get(fn) ?? Infinity) <= depth) return;
    depthOf.set(fn, depth);
    if (depth < 8) for (const callee of fn.callees) enter(callee, depth + 1);
  };
  for (const fn of functions) if (fn.context.length) for (const callee of fn.callees) enter(callee, 1);
  const byFile = new Map(written.map((f) => [f.file, f]));
  for (const fn of functions) {
    if (fn.context.length || !fn.usePlaces || depthOf.has(fn)) continue;
    byFile.get(fn.module.file).notChecked('unreached-use', fn.usePlaces);
  }
}

function expectations(options, written, modules, schemas, stats, files) {
  const order = (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.character - b.character || a.ruleId.localeCompare(b.ruleId);
  const findings = written.flatMap((f) => f.planted).sort(order);
  const suppressed = written.flatMap((f) => f.suppressed).sort(order);
  const counts = {};
  for (const f of findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  // A file that should not mention a tagged field's name must not, or the parameter would lie.
  const byFile = new Map(modules.map((m) => [m.file, m]));
  let mentioning = 0;
  for (const f of written) {
    const module = byFile.get(f.file);
    const mentions = TAGGED_NAME_PATTERN.test(files.get(f.file));
    if (module && !module.mentions && mentions) throw new Error(`generator bug: ${f.file} mentions a tagged field`);
    if (module && mentions) mentioning++;
  }
  const lines = written.reduce((n, f) => n + f.lines.length, 0);
  const accesses = written.reduce((n, f) => n + f.accesses, 0);
  const count = (kind) => modules.filter((m) => m.kind === kind).length;
  const { seed, files: target, linesPerFile, accessesPerLine, tsxShare, taggedNameShare, projects, deps } = options;
  return {
    generator: 'bench/generate.mjs',
    options: { files: target, seed, linesPerFile, accessesPerLine, tsxShare, taggedNameShare, projects, schemas: options.schemas, deps },
    counts,
    findings,
    suppressed,
    /** Places not checked that the corpus plants (untyped reads) or makes (uses no context reaches), by file and kind. */
    unchecked: written
      .filter((f) => Object.keys(f.unchecked).length)
      .map((f) => ({ file: f.file, ...f.unchecked }))
      .sort((a, b) => a.file.localeCompare(b.file)),
    stats: {
      sourceFiles: [...files.keys()].filter((f) => /\.tsx?$/.test(f)).length,
      tsxFiles: [...files.keys()].filter((f) => f.endsWith('.tsx')).length,
      modules: {
        model: written.length - modules.length,
        util: count('util'),
        service: count('service'),
        handler: count('handler'),
        component: count('component'),
        test: count('test'),
        script: count('script'),
      },
      schemas: {
        total: schemas.all.length,
        tagged: schemas.tagged.length,
        piFiles: schemas.tagged.filter((s) => s.piFile).length,
        registered: schemas.tagged.filter((s) => s.registered).length,
        childFacial: schemas.tagged.filter((s) => s.childFacial).length,
        adultFacial: schemas.tagged.filter((s) => s.adultFacial).length,
      },
      filesMentioningTaggedNames: mentioning,
      lines,
      propertyAccesses: accesses,
      accessesPerLine: Number((accesses / lines).toFixed(3)),
      functions: stats.contexts,
      reads: stats.reads,
      escapes: stats.escapes,
      specials: stats.specials,
    },
  };
}

function writeTree(options, files) {
  const out = path.resolve(options.out);
  if (fs.existsSync(out) && fs.readdirSync(out).length) {
    if (!fs.existsSync(path.join(out, 'expected.json')) && !options.force) {
      throw new Error(`${out} is not empty and holds no earlier corpus: pass --force to replace it`);
    }
    for (const entry of fs.readdirSync(out)) {
      if (entry !== 'node_modules') fs.rmSync(path.join(out, entry), { recursive: true, force: true });
    }
  }
  const dirs = new Set();
  for (const [file, text] of files) {
    const full = path.join(out, file);
    const dir = path.dirname(full);
    if (!dirs.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    fs.writeFileSync(full, text);
  }
}

/** `--lines-per-file 60` -> `{ linesPerFile: 60 }` */
export function parseArguments(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const key = arg.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (key === 'deps' || key === 'force') {
      options[key] = true;
      continue;
    }
    if (!(key in DEFAULTS) && key !== 'out') throw new Error(`unknown option ${arg}`);
    const value = argv[++i];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    options[key] = key === 'out' ? value : Number(value);
    if (key !== 'out' && !Number.isFinite(options[key])) throw new Error(`${arg} needs a number`);
  }
  if (!options.out) throw new Error('--out DIR is required');
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const started = performance.now();
    const result = generate(parseArguments(process.argv.slice(2)));
    const counts = Object.entries(result.expected.counts)
      .map(([rule, n]) => `${rule} ${n}`)
      .join(', ');
    console.log(
      `${result.files} files, ${result.lines} lines, ${result.expected.stats.accessesPerLine} accesses/line, ` +
        `${result.expected.findings.length} planted findings (${counts}) in ${result.out} ` +
        `(${Math.round(performance.now() - started)} ms)`,
    );
  } catch (error) {
    console.error(`generate: ${error.message}`);
    process.exit(2);
  }
}

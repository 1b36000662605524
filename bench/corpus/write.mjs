/**
 * Writes the application modules: services, handlers, utilities, components (`.tsx`), tests and scripts,
 * from the plans of `plan.mjs` and `functions.mjs`, following the density of property accesses asked for.
 */
import { PURPOSES, SENTENCES, VERBS } from './vocabulary.mjs';
import { SourceFile, camel, importPath } from './source-file.mjs';
import { FunctionPlanner, callExpression, plainFields, readableFields } from './functions.mjs';
import { escapeStatement, filler, plainRead, readStatement } from './statements.mjs';
import { specialImports, writeSpecial } from './specials.mjs';

/**
 * @param {ReturnType<import('./random.mjs').createRandom>} random
 * @param {import('./plan.mjs').ModulePlan} module
 * @param {{ options: object, planner: FunctionPlanner, schemas: object, pool: import('./plan.mjs').ModulePlan[],
 *   exports: Map<number, object[]>, stats: object }} ctx
 */
export function writeModule(random, module, ctx) {
  const fns = planFunctions(random, module, ctx);
  ctx.exports.set(module.index, fns.filter((fn) => fn.callable));
  ctx.functions.push(...fns);
  const out = new SourceFile(module.file);
  if (module.filePurpose) {
    out.line('/**');
    out.line(` * ${random.pick(VERBS)[0].toUpperCase()}… for the ${module.area} desk. ${random.pick(SENTENCES)}`);
    out.line(' *');
    out.line(' * @packageDocumentation');
    out.line(` * @purpose ${module.filePurpose.join(' ')}`);
    out.line(' */');
  }
  writeImports(out, module, fns, ctx);
  if (module.kind === 'test') writeTests(random, out, module, fns);
  else {
    for (let i = 0; i < fns.length; i++) {
      const fn = fns[i];
      if (fn.className && fns[i - 1]?.className !== fn.className) openClass(out, fn);
      const contexts = ctx.stats.contexts;
      contexts[fn.purpose ? 'own' : fn.context.length ? 'inherited' : 'none']++;
      if (module.kind === 'component') writeComponent(random, out, fn, ctx);
      else writeFunction(random, out, fn, ctx);
      if (fn.className && fns[i + 1]?.className !== fn.className) out.line('}');
      if (i < fns.length - 1 || module.specials.length) out.line();
    }
    module.specials.forEach((special, i) => {
      writeSpecial(random, out, special, (base) => ctx.planner.uniqueName(base));
      ctx.stats.specials[special.type] = (ctx.stats.specials[special.type] ?? 0) + 1;
      if (i < module.specials.length - 1) out.line();
    });
  }
  return out;
}

function planFunctions(random, module, ctx) {
  const { options, planner } = ctx;
  const target = Math.round(options.linesPerFile * (0.5 + random.next()));
  const fns = [];
  const pool = ctx.pool;
  const calleesFor = (count) => {
    const picked = [];
    for (let i = 0; i < count && pool.length; i++) {
      const local = pool.filter((m) => m.area === module.area);
      const from = local.length && random.chance(0.5) ? random.pickSkewed(local) : random.pickSkewed(pool);
      const candidates = ctx.exports.get(from.index) ?? [];
      if (candidates.length) picked.push(random.pick(candidates));
    }
    return [...new Set(picked)];
  };
  const calls = { util: [0, 1], service: [0, 3], handler: [1, 3], component: [1, 2], test: [1, 1], script: [0, 0] }[module.kind];
  let estimate = 10 + module.specials.length * 9; // imports, and the special functions
  let className;
  let classPurpose;
  let methodsLeft = 0;
  while (estimate < target || fns.length === 0) {
    if (module.kind === 'service' && methodsLeft === 0 && random.chance(0.25)) {
      className = planner.uniqueName(`${module.area[0].toUpperCase()}${module.area.slice(1)}${random.pick(['Service', 'Desk', 'Office', 'Registry'])}`);
      classPurpose = random.chance(0.6) ? [random.pick(PURPOSES).id] : undefined;
      methodsLeft = random.int(2, 3);
    }
    const statements = module.kind === 'test' ? 0 : random.int(3, 12);
    const fn = planner.plan(module, { filePurpose: module.filePurpose, className: methodsLeft ? className : undefined,
      classPurpose: methodsLeft ? classPurpose : undefined, callees: calleesFor(random.int(...calls)), statements });
    if (methodsLeft) methodsLeft--;
    fns.push(fn);
    estimate += module.kind === 'test' ? 5 * Math.max(1, fn.callees.length) + fn.callees.length * 2
      : 12 + Math.round(statements * 1.1) + fn.callees.length + (fn.main.list ? 2 : 0) + (fn.escape ? 1 : 0);
  }
  if (module.mentions && module.kind !== 'test' && !fns.some((fn) => usable(fn, module.kind).length)) forceMention(random, module, fns, planner);
  return fns;
}

/** Tagged fields `fn` may read: all of them, or those a component can render. */
function usable(fn, kind) {
  return kind === 'component' ? fn.readable.filter((f) => f.type === 'string' || f.type === 'number') : fn.readable;
}

/** Makes the last function of a "mentioning" module read a tagged field, in a context that allows it. */
function forceMention(random, module, fns, planner) {
  const fn = fns[fns.length - 1];
  const schema = random.pick(planner.schemas.tagged.filter((s) => s.fields.some((f) => f.tag && f.type !== 'bytes')));
  const field = random.pick(schema.fields.filter((f) => f.tag && f.type !== 'bytes'));
  const main = { name: camel(schema.name), schema, list: false };
  fn.params = [main, ...fn.params.filter((p) => p.name !== main.name)]; // the callees still need theirs
  fn.main = main;
  fn.purpose = field.purposes.length ? [field.purposes[0]] : [random.pick(PURPOSES).id];
  fn.context = fn.purpose;
  fn.readable = readableFields(schema, fn.context);
  fn.escape = undefined;
  fn.fhir = false;
  fn.mustMention = field;
  fn.statements = Math.max(fn.statements, 1);
}

function writeImports(out, module, fns, ctx) {
  const types = new Map();
  const values = new Map();
  const add = (map, file, name) => map.set(file, new Set([...(map.get(file) ?? []), name]));
  for (const fn of fns) {
    for (const p of module.kind === 'test' ? fn.callees.flatMap((c) => c.params) : fn.params) add(types, p.schema.file, p.schema.name);
    for (const callee of fn.callees) add(values, callee.module.file, callee.className ?? callee.name);
  }
  for (const special of module.specials) {
    for (const [file, name, isType] of specialImports(special)) add(isType ? types : values, file, name);
  }
  const lines = [];
  if (fns.some((fn) => fn.escape === 'axios')) lines.push("import axios from 'axios';");
  if (fns.some((fn) => fn.fhir)) lines.push("import type { Patient as FhirPatient } from 'fhir/r4.js';");
  if (module.kind === 'component' && ctx.options.deps) {
    lines.push("import { useState } from 'react';", "import { Button, Card } from 'react-bootstrap';");
  }
  if (module.kind === 'test') lines.push(`import { check, fixture, suite } from '${importPath(module.file, `packages/${module.pkg}/src/test-kit.ts`)}';`);
  for (const [file, names] of [...types].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`import type { ${[...names].sort().join(', ')} } from '${importPath(module.file, file)}';`);
  }
  for (const [file, names] of [...values].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`import { ${[...names].sort().join(', ')} } from '${importPath(module.file, file)}';`);
  }
  for (const line of lines) out.line(line);
  if (lines.length) out.line();
}

function openClass(out, fn) {
  out.line('/**');
  out.line(` * The ${fn.module.area} desk's operations.`);
  if (fn.classPurpose) {
    out.line(' *');
    out.line(` * @purpose ${fn.classPurpose.join(' ')}`);
  }
  out.line(' */');
  out.line(`export class ${fn.className} {`);
}

function writeDoc(random, out, fn, indent) {
  out.line(`${indent}/**`);
  out.line(`${indent} * ${fn.module.kind === 'component' ? 'Shows' : 'Prepares'} the ${fn.main.schema.name} data for the ${fn.module.area} desk. ${random.pick(SENTENCES)}`);
  if (fn.purpose) {
    out.line(`${indent} *`);
    out.line(`${indent} * @purpose ${fn.purpose.join(' ')}`);
  }
  out.line(`${indent} */`);
}

/**
 * Bodies aim a little above the asked density, since model files, imports and JSDoc have fewer property
 * accesses than code: the corpus as a whole then lands near `--accesses-per-line`.
 */
const BODY_DENSITY = 1.3;

const paramType = (p) => (p.list ? `readonly ${p.schema.name}[]` : p.schema.name);

function writeFunction(random, out, fn, ctx) {
  const indent = fn.className ? '  ' : '';
  const params = fn.params.map((p) => `${p.name}: ${paramType(p)}`).join(', ');
  writeDoc(random, out, fn, indent);
  if (fn.className) out.line(`  ${fn.name}(${params}): string {`);
  else if (fn.arrow) out.line(`export const ${fn.name} = (${params}): string => {`);
  else out.line(`export function ${fn.name}(${params}): string {`);
  const body = `${indent}  `;
  out.line(`${body}let label = '';`);
  out.line(`${body}let n = 0;`);
  const r = fn.main.list ? 'item' : fn.main.name;
  const inner = fn.main.list ? `${body}  ` : body;
  if (fn.main.list) out.line(`${body}for (const item of ${fn.main.name}) {`);
  writeStatements(random, out, fn, r, inner, ctx);
  if (fn.main.list) out.line(`${body}}`);
  if (fn.escape) {
    const statement = escapeStatement(fn.escape, fn.main.name, fn.name, fn.module.area, fn.main.list);
    const text = `${body}${statement.text}`;
    // A record of a tagged schema written to the console is personal data in a log, whatever the purpose.
    if (fn.main.schema.tagged && statement.text.startsWith('console.log(')) {
      out.mark('personal-data-in-log', text, fn.main.name, { from: text.indexOf("', ") + 3, accesses: statement.accesses });
    } else out.line(text, statement.accesses);
    ctx.stats.escapes[fn.main.schema.tagged ? 'tagged' : 'plain']++;
    // The record escapes whole: one place, a use of every tagged field it carries.
    if (fn.main.schema.tagged) {
      for (const field of taggedOf(fn.main.schema)) (fn.uses ??= new Set()).add(field);
      fn.usePlaces = (fn.usePlaces ?? 0) + 1;
    }
  }
  if (fn.fhir && !fn.main.list) {
    out.line(`${body}const resource: FhirPatient = { resourceType: 'Patient', id: ${fn.main.name}.id, active: true };`, 1);
    out.line(`${body}label += resource.resourceType;`, 1);
  }
  for (const callee of fn.callees) writeCall(out, fn, callee, `${body}label += ${callExpression(callee)};`);
  out.line(`${body}return \`\${label}:\${n}\`;`);
  out.line(fn.arrow ? '};' : `${indent}}`);
}

function writeStatements(random, out, fn, r, indent, ctx) {
  const vars = { next: 1 };
  const target = ctx.options.accessesPerLine;
  for (let i = 0; i < fn.statements; i++) {
    let statements;
    if (fn.mustMention && i === 0) {
      statements = readStatement(random, r, fn.mustMention, vars);
      used(fn, fn.mustMention);
      ctx.stats.reads.tagged++;
    } else if (out.accesses < target * BODY_DENSITY * (out.lines.length + 1)) {
      if (fn.readable.length && random.chance(0.5)) {
        const field = random.pick(fn.readable);
        statements = readStatement(random, r, field, vars);
        used(fn, field);
        ctx.stats.reads.tagged++;
      } else {
        statements = plainRead(random, r, fn.main.schema, vars);
        ctx.stats.reads.plain++;
      }
    } else statements = [filler(random, SENTENCES)];
    for (const s of statements) out.line(`${indent}${s.text}`, s.accesses);
  }
}

/**
 * A tagged field the function's own code reads, one more place of use (a boolean's read in a function
 * body, `if (r.f)`, is a presence test, not a use; in JSX it is shown, a use).
 */
function used(fn, field, presence = field.type === 'boolean' || field.type === 'boolean?') {
  if (presence) return;
  (fn.uses ??= new Set()).add(field);
  fn.usePlaces = (fn.usePlaces ?? 0) + 1;
}

function taggedOf(schema) {
  return schema.fields.filter((f) => f.tag);
}

/**
 * A call from `fn` to a function of another module. Code with a context reaches the uses of a callee with
 * none (and of its callees, 8 levels deep) through the call: when one of them is of a field not declared
 * for every purpose of the context, the call is a use beyond purpose, reported at the call.
 */
function writeCall(out, fn, callee, text) {
  const accesses = callee.className ? 1 : 0;
  const search = { sites: 0 };
  const reached = fn.context.length ? reachedFields(callee, 1, search) : [];
  if (search.sites > 200) throw new Error(`generator bug: ${fn.name} reaches past 200 call sites`);
  const beyond = reached.filter((f) => f.purposes.length > 0 && !fn.context.every((p) => f.purposes.includes(p)));
  if (beyond.length) out.mark('use-beyond-purpose', text, callExpression(callee), { accesses });
  else out.line(text, accesses);
}

/** The fields a call of `fn` reaches: its own uses and its callees', through functions with no context. */
function reachedFields(fn, depth, search) {
  if (fn.context.length) return [];
  const fields = [...(fn.uses ?? [])];
  if (depth >= 8) return fields;
  for (const callee of fn.callees) {
    search.sites++;
    fields.push(...reachedFields(callee, depth + 1, search));
  }
  return fields;
}

function writeComponent(random, out, fn, ctx) {
  const deps = ctx.options.deps;
  const r = fn.main.name;
  writeDoc(random, out, fn, '');
  out.line(`export function ${fn.name}({ ${fn.params.map((p) => p.name).join(', ')} }: { ${fn.params.map((p) => `${p.name}: ${paramType(p)}`).join('; ')} }) {`);
  fn.callees.forEach((callee, i) => writeCall(out, fn, callee, `  const summary${i + 1} = ${callExpression(callee)};`));
  if (deps) out.line('  const [open, setOpen] = useState(false);');
  out.line('  return (');
  out.line(deps ? '    <Card className="mb-2">' : '    <section className="panel">');
  if (deps) out.line('      <Card.Body>', 1);
  const pad = deps ? '        ' : '      ';
  out.line(`${pad}<h2>{${r}.id}</h2>`, 1);
  fn.callees.forEach((_, i) => out.line(`${pad}<p>{summary${i + 1}}</p>`));
  const plain = plainFields(fn.main.schema).filter((f) => f.type !== 'boolean');
  const tagged = usable(fn, 'component');
  for (let i = 0; i < fn.statements; i++) {
    if (fn.mustMention && i === 0) {
      out.line(`${pad}<span className="value">{${r}.${fn.mustMention.name}}</span>`, 1);
      used(fn, fn.mustMention, false);
      ctx.stats.reads.tagged++;
    } else if (out.accesses < ctx.options.accessesPerLine * BODY_DENSITY * (out.lines.length + 1)) {
      const field = tagged.length && random.chance(0.5) ? random.pick(tagged) : random.pick(plain);
      out.line(`${pad}<span className="value">{${r}.${field.name}}</span>`, 1);
      if (field.tag) used(fn, field, false);
      ctx.stats.reads[field.tag ? 'tagged' : 'plain']++;
    } else out.line(`${pad}${random.pick(['<hr />', '<p className="hint">Checked at the counter.</p>', '<br />'])}`);
  }
  if (deps) {
    out.line(`${pad}<Button variant="link" onClick={() => setOpen(!open)}>{open ? 'Less' : 'More'}</Button>`);
    out.line('      </Card.Body>', 1);
  }
  out.line(deps ? '    </Card>' : '    </section>');
  out.line('  );');
  out.line('}');
}

/** One `suite` of checks, each calling a function of the layers below with fixtures. */
function writeTests(random, out, module, fns) {
  out.line(`suite('${module.file.split('/').pop().replace(/\.test\.ts$/, '')}', () => {`);
  fns.forEach((fn, i) => {
    for (const callee of fn.callees) {
      out.line(`  check('${callee.name} gives a label', () => {`);
      for (const p of callee.params) {
        const value = fixtureValue(p.schema, module.mentions);
        out.line(`    const ${p.name} = ${p.list ? `[fixture<${p.schema.name}>(${value})]` : `fixture<${p.schema.name}>(${value})`};`);
      }
      out.line(`    const out = ${callExpression(callee)};`, callee.className ? 1 : 0);
      out.line(`    if (out.length === 0) throw new Error('${callee.name} gave nothing');`, 1);
      out.line('  });');
    }
    if (!fn.callees.length) out.line(`  check('case ${i + 1}', () => undefined);`);
  });
  out.line('});');
}

/** A fixture's fields: the id, and in a "mentioning" test a name too when the record has one. */
function fixtureValue(schema, mentions) {
  const named = mentions && schema.fields.find((f) => f.tag && f.type === 'string');
  return named ? `{ id: '${schema.name}-1', ${named.name}: 'Sato Hanako' }` : `{ id: '${schema.name}-1' }`;
}

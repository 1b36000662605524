/**
 * Plans the functions of one module: name, form (declaration, arrow bound to a name, class method), the
 * record it works on, its `@purpose` context, the functions of other modules it calls, and what it may
 * read without a finding. Nothing here writes text; `write.mjs` does.
 *
 * The one invariant that keeps `expected.json` exact: outside the planted functions, a tagged field is
 * read only in a context whose purposes are all among the field's declared purposes (or in no context, or
 * in code with `@basis`), and a whole record escapes only where every one of its tagged fields could be read.
 */
import { CONSENT_FIELD, OBJECTS, PURPOSES, VERBS } from './vocabulary.mjs';
import { camel } from './source-file.mjs';

const CATALOGUE = PURPOSES.map((p) => p.id);

/**
 * @typedef {{ name: string, schema: import('./schemas.mjs').Schema, list: boolean }} Param
 * @typedef {{ name: string, module: object, className?: string, classPurpose?: string[], arrow: boolean,
 *   purpose?: string[], context: string[], main: Param, params: Param[], callees: Fn[], readable: object[],
 *   escape?: string, statements: number, mustMention: boolean, callable: boolean, fhir?: boolean }} Fn
 */

export class FunctionPlanner {
  constructor(random, options, schemas) {
    this.random = random;
    this.options = options;
    this.schemas = schemas;
    this.names = new Set();
  }

  uniqueName(base) {
    let name = base;
    for (let n = 2; this.names.has(name); n++) name = `${base}${n}`;
    this.names.add(name);
    return name;
  }

  /** A function name for `schema`, e.g. `formatPatientLabel`, or `PatientLabelCard` for a component. */
  nameFor(schema, component) {
    const object = this.random.pick(OBJECTS);
    if (component) return this.uniqueName(`${schema.name}${object}${this.random.pick(['Card', 'Panel', 'View', 'Row'])}`);
    return this.uniqueName(`${this.random.pick(VERBS)}${schema.name}${object}`);
  }

  /** The record a function works on: a schema whose purposes fit `context` when there is one. */
  pickMain(module, context) {
    const { random, schemas } = this;
    const preferTagged = module.mentions ? 0.7 : 0.3;
    let pool = random.chance(preferTagged) ? schemas.tagged : schemas.plain;
    if (pool === schemas.tagged && context.length) {
      const fitting = pool.filter((s) => context.every((p) => s.allPurposes.includes(p)));
      if (fitting.length && random.chance(0.8)) pool = fitting;
    }
    const schema = random.pick(pool);
    const list = module.kind !== 'component' && random.chance(0.25);
    return { name: list ? `${camel(schema.name)}List` : camel(schema.name), schema, list };
  }

  /** An own `@purpose` for a function on `schema`: one of its purposes, sometimes two it shares. */
  pickPurpose(schema) {
    const { random } = this;
    if (!schema.tagged || schema.unchecked) return [random.pick(CATALOGUE)];
    if (schema.commonPurposes.length > 1 && random.chance(0.2)) return random.sample(schema.commonPurposes, 2).sort();
    return [random.pick(schema.allPurposes)];
  }

  /**
   * Plans an ordinary exported function of `module`.
   * @param {{ filePurpose?: string[], className?: string, classPurpose?: string[], callees: Fn[], statements: number }} where
   */
  plan(module, where) {
    const { random } = this;
    const inherited = where.classPurpose ?? where.filePurpose ?? [];
    let purpose;
    let context = inherited;
    const contextual = module.kind !== 'test' && (module.kind !== 'util' || random.chance(0.15));
    if (contextual && (!inherited.length || random.chance(0.5))) purpose = []; // decided below, once the record is known
    const main = this.pickMain(module, purpose ? [] : context);
    if (purpose) {
      purpose = random.chance(0.9) || inherited.length ? this.pickPurpose(main.schema) : undefined;
      context = purpose ?? inherited;
    }
    const params = module.kind === 'test' ? [] : [main];
    const callees = [];
    for (const callee of where.callees) {
      const extra = callee.params.filter((p) => !params.some((q) => q.name === p.name));
      if (module.kind !== 'test' && params.length + extra.length > 4) continue;
      params.push(...extra);
      callees.push(callee);
    }
    const readable = module.mentions ? readableFields(main.schema, context) : [];
    const escapeAllowed = !main.schema.tagged || context.length === 0 || main.schema.unchecked
      || context.every((p) => main.schema.commonPurposes.includes(p));
    const escape = escapeAllowed && module.kind !== 'component' && module.kind !== 'test' && random.chance(0.2)
      ? random.pick(['console', 'json', 'axios', 'spread']) : undefined;
    return {
      name: module.kind === 'component' ? this.nameFor(main.schema, true) : this.nameFor(main.schema, false),
      module, className: where.className, classPurpose: where.classPurpose,
      arrow: !where.className && module.kind !== 'component' && random.chance(0.15),
      purpose, context, main, params, callees, readable, escape, statements: where.statements,
      mustMention: false, callable: module.kind !== 'component' && module.kind !== 'test' && module.kind !== 'script',
      fhir: this.options.deps && module.kind === 'service' && main.schema.domain?.key === 'patient' && random.chance(0.5),
    };
  }
}

/** The tagged fields of `schema` that code in `context` may read without a finding. */
export function readableFields(schema, context) {
  return schema.fields.filter((f) => f.tag && (f.purposes.length === 0 || context.every((p) => f.purposes.includes(p))));
}

/** Untagged fields of a record, the consent field aside. */
export function plainFields(schema) {
  return schema.fields.filter((f) => !f.tag && f.name !== CONSENT_FIELD);
}

/** `f(a, b)` or `new Service().f(a, b)`, with the arguments the caller holds. */
export function callExpression(callee) {
  const args = callee.params.map((p) => p.name).join(', ');
  return callee.className ? `new ${callee.className}().${callee.name}(${args})` : `${callee.name}(${args})`;
}

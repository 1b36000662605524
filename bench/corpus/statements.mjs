/**
 * Statements of a function body over a record `r`: reads of its fields (property access, destructuring,
 * element access), fillers without property accesses, escapes of the whole record. Each returns the text and
 * the number of property accesses it writes, so the file's density can follow `--accesses-per-line`.
 */
import { plainFields } from './functions.mjs';

/** A read of `field` of `r`; `vars` numbers destructured locals. */
export function readStatement(random, r, field, vars) {
  const f = field.name;
  const roll = random.next();
  if (roll < 0.08 && field.type === 'string') {
    const v = `v${vars.next++}`;
    return [{ text: `const { ${f}: ${v} } = ${r};`, accesses: 0 }, { text: `label += ${v};`, accesses: 0 }];
  }
  if (roll < 0.12 && field.type === 'string') return [{ text: `label += String(${r}['${f}']);`, accesses: 0 }];
  switch (field.type) {
    case 'string': return [random.pick([
      { text: `label += ${r}.${f};`, accesses: 1 },
      { text: `if (${r}.${f}.length > 0) n += 1;`, accesses: 2 },
      { text: `label += ${r}.${f}.trim();`, accesses: 2 },
      { text: `n += ${r}.${f}.length;`, accesses: 2 },
    ])];
    case 'number': return [random.pick([
      { text: `n += ${r}.${f};`, accesses: 1 },
      { text: `n = Math.max(n, ${r}.${f});`, accesses: 2 },
    ])];
    case 'boolean': return [{ text: `if (${r}.${f}) n += 1;`, accesses: 1 }];
    case 'bytes': return [{ text: `n += ${r}.${f}?.length ?? 0;`, accesses: 2 }];
    default: throw new Error(`generator bug: field type ${field.type}`);
  }
}

/** A read of an untagged field, or of the nested record's `id`. */
export function plainRead(random, r, schema, vars) {
  if (schema.ref && random.chance(0.2)) {
    return [{ text: schema.kind === 'class' ? `label += ${r}.${schema.refField}?.id ?? '';` : `label += ${r}.${schema.refField}.id;`, accesses: 2 }];
  }
  return readStatement(random, r, random.pick(plainFields(schema)), vars);
}

const FILLERS = [
  'n += 1;',
  'if (n > 1000) n = 0;',
  'n = n * 2 + 1;',
  "label += ' ';",
  "if (label === '') n -= 1;",
  "label = n > 10 ? label : `${label}-`;",
];

export function filler(random, sentences) {
  return random.chance(0.12) ? { text: `// ${random.pick(sentences)}`, accesses: 0 } : { text: random.pick(FILLERS), accesses: 0 };
}

/** The whole record (or list) `v` leaving through a sink, a package or a spread. */
export function escapeStatement(kind, v, fnName, area, list) {
  switch (list && kind === 'spread' ? 'console' : kind) {
    case 'console': return { text: `console.log('${fnName}', ${v});`, accesses: 1 };
    case 'json': return { text: `label += JSON.stringify(${v});`, accesses: 1 };
    case 'axios': return { text: `void axios.post('/api/${area}', ${v});`, accesses: 1 };
    default: return { text: `n += Object.keys({ ...${v} }).length;`, accesses: 2 };
  }
}

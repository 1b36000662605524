/**
 * The record types of the `model` package: a few hundred interfaces, type aliases and classes, most of
 * them without personal information, and the schemas with their tags, purposes and Personal Information
 * Files. Planted here: `missing-purpose` (a schema with no purpose anywhere) and `unregistered-file` (a
 * `@piFile` that the register will not list), both anchored at the schema's name.
 */
import { CONSENT_FIELD, DOMAINS, PLAIN_NOUNS, PLAIN_QUALIFIERS, SENTENCES, TAGGED_FIELDS, UNTAGGED_FIELDS } from './vocabulary.mjs';
import { SourceFile, importPath, kebab } from './source-file.mjs';

export const MODEL_ROOT = 'packages/model/src';

/**
 * @typedef {{ name: string, type: string, tag?: string, purposes: string[], narrowed: boolean,
 *   facial?: boolean, specialCare?: boolean }} Field
 * @typedef {{ name: string, file: string, kind: 'interface'|'type'|'class', tagged: boolean, domain?: object,
 *   purposes: string[], fieldLevel: boolean, fields: Field[], ref?: Schema, refField?: string,
 *   consentFn?: string, minimumAge?: number, childFacial: boolean, adultFacial: boolean,
 *   piFile?: string, registered: boolean, exemption?: string, planted?: string,
 *   allPurposes: string[], commonPurposes: string[] }} Schema
 */

/**
 * @param {ReturnType<import('./random.mjs').createRandom>} random
 * @param {{ schemas: number, taggedShare: number }} options
 */
export function planSchemas(random, options) {
  const taggedCount = Math.max(DOMAINS.length + 4, Math.round(options.schemas * options.taggedShare));
  const plainCount = Math.max(4, options.schemas - taggedCount);
  const used = new Set();
  const unique = (base) => {
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    return name;
  };

  /** @type {Schema[]} */
  const plain = [];
  for (let i = 0; i < plainCount; i++) {
    const name = unique(random.pick(PLAIN_NOUNS) + random.pick(PLAIN_QUALIFIERS));
    const ref = plain.length > 3 && random.chance(0.3) ? random.pick(plain) : undefined;
    plain.push(finish({ name, kind: random.chance(0.2) ? 'type' : 'interface', tagged: false, purposes: [], fieldLevel: false,
      fields: untaggedFields(random), ref, refField: ref ? 'detail' : undefined, childFacial: false, adultFacial: false, registered: false }));
  }

  /** @type {Schema[]} */
  const tagged = [];
  let missing = Math.max(1, Math.round(taggedCount * 0.06));
  let fieldLevel = Math.max(1, Math.round(taggedCount * 0.05));
  for (let i = 0; i < taggedCount; i++) {
    // The first ones go round every domain, so every kind of record exists even in a small corpus.
    const domain = i < DOMAINS.length ? DOMAINS[i] : random.pick(DOMAINS);
    const name = unique(random.pick(domain.nouns) + random.pick(['', '', 'Record', 'Profile', 'Case', 'Card']));
    const fields = untaggedFields(random).slice(0, random.int(2, 4));
    const names = random.sample(domain.fields, random.int(2, domain.fields.length));
    if (domain.facial) names.push('faceImage');
    const free = i >= DOMAINS.length && !domain.facial;
    const planted = free && missing > 0 && missing-- ? 'missing-purpose' : undefined;
    const isFieldLevel = free && !planted && fieldLevel > 0 && fieldLevel-- > 0;
    let purposes = planted || isFieldLevel ? [] : [...domain.purposes];
    if (purposes.length > 1 && random.chance(0.3)) purposes = [random.pick(purposes)];
    for (const fieldName of names) {
      const spec = TAGGED_FIELDS[fieldName];
      let narrowed = isFieldLevel ? [random.pick(domain.purposes)] : undefined;
      if (!narrowed && purposes.length > 1 && random.chance(fieldName === 'faceImage' ? 0.5 : 0.2)) {
        narrowed = [purposes.includes('identity-check') && fieldName === 'faceImage' ? 'identity-check' : random.pick(purposes)];
      }
      fields.push({ name: fieldName, type: spec.type, tag: spec.tag, purposes: narrowed ?? purposes, narrowed: !!narrowed,
        facial: spec.facial, specialCare: spec.specialCare });
    }
    const childFacial = domain.facial === 'child';
    if (childFacial) fields.push({ name: CONSENT_FIELD, type: 'boolean?', purposes: [], narrowed: false });
    const ref = random.chance(0.3) ? random.pick(plain) : undefined;
    const schema = finish({ name, kind: domain.facial ? 'interface' : random.pick(['interface', 'interface', 'interface', 'type', 'class']),
      tagged: true, domain, purposes, fieldLevel: isFieldLevel, fields, ref, refField: ref ? 'detail' : undefined,
      minimumAge: domain.minimumAge, childFacial, adultFacial: domain.facial === 'adult', registered: false, planted,
      consentFn: childFacial ? `hasConsentFor${name}` : undefined });
    if (!planted && !isFieldLevel && (i < DOMAINS.length || random.chance(0.6))) {
      schema.piFile = `${domain.file} ${name}`;
      schema.registered = true;
      if (domain.exemption && random.chance(0.5)) schema.exemption = domain.exemption;
    }
    tagged.push(schema);
  }
  // Planted `unregistered-file`: a few Personal Information Files the register will not list.
  const files = tagged.filter((s) => s.piFile && !s.exemption);
  const unregistered = Math.max(1, Math.round(files.length * 0.08));
  // The first (a patient file) always stays registered, so the register is never empty of files.
  for (const schema of random.sample(files.slice(1), unregistered)) {
    schema.registered = false;
    schema.planted = 'unregistered-file';
  }
  return { plain, tagged, all: [...plain, ...tagged] };
}

/** @param {Schema} schema */
function finish(schema) {
  const taggedFields = schema.fields.filter((f) => f.tag);
  schema.allPurposes = [...new Set(taggedFields.flatMap((f) => f.purposes))];
  schema.commonPurposes = schema.allPurposes.filter((p) => taggedFields.every((f) => f.purposes.length === 0 || f.purposes.includes(p)));
  schema.unchecked = schema.tagged && taggedFields.every((f) => f.purposes.length === 0);
  return schema;
}

function untaggedFields(random) {
  const names = ['id', ...random.sample(Object.keys(UNTAGGED_FIELDS).filter((n) => n !== 'id'), random.int(3, 7))];
  return names.map((name) => ({ name, type: UNTAGGED_FIELDS[name], purposes: [], narrowed: false }));
}

/**
 * Groups the schemas into files under `packages/model/src/<area>/` (one to three a file; a referenced
 * record type always comes from an earlier file or earlier in the same one) and writes them.
 * @param {ReturnType<import('./random.mjs').createRandom>} random @param {Schema[]} schemas
 * @returns {SourceFile[]}
 */
export function writeModel(random, schemas, { areas }) {
  /** @type {{ file: string, schemas: Schema[] }[]} */
  const groups = [];
  const paths = new Set();
  for (let i = 0; i < schemas.length;) {
    const count = Math.min(schemas.length - i, random.int(1, 3));
    const members = schemas.slice(i, i + count);
    const area = members[0].domain?.area ?? random.pick(areas);
    let file = `${MODEL_ROOT}/${area}/${kebab(members[0].name)}.ts`;
    for (let n = 2; paths.has(file); n++) file = `${MODEL_ROOT}/${area}/${kebab(members[0].name)}-${n}.ts`;
    paths.add(file);
    for (const schema of members) schema.file = file;
    groups.push({ file, schemas: members });
    i += count;
  }
  return groups.map((group) => writeModelFile(random, group));
}

function writeModelFile(random, { file, schemas }) {
  const out = new SourceFile(file);
  const imports = new Map();
  for (const schema of schemas) {
    if (schema.ref && schema.ref.file !== file) {
      const from = importPath(file, schema.ref.file);
      imports.set(from, [...(imports.get(from) ?? []), schema.ref.name]);
    }
  }
  for (const [from, names] of [...imports].sort()) out.line(`import type { ${[...new Set(names)].sort().join(', ')} } from '${from}';`);
  if (imports.size) out.line();
  for (const schema of schemas) {
    writeSchema(random, out, schema);
    out.line();
    if (schema.consentFn) {
      out.line('/**');
      out.line(' * Whether a parent or legal representative has signed the photo consent form.');
      out.line(' *');
      out.line(' * @parentalConsent');
      out.line(' */');
      out.line(`export function ${schema.consentFn}(record: ${schema.name}): boolean {`);
      out.line(`  return record.${CONSENT_FIELD} === true;`, 1);
      out.line('}');
      out.line();
    }
  }
  out.lines.pop();
  return out;
}

function writeSchema(random, out, schema) {
  const tags = [];
  if (schema.purposes.length) tags.push(`@purpose ${schema.purposes.join(' ')}`);
  if (schema.piFile) tags.push(`@piFile "${schema.piFile}"`);
  if (schema.minimumAge) tags.push(`@minimumAge ${schema.minimumAge}`);
  out.line('/**');
  out.line(` * ${schema.tagged ? `A ${schema.domain.key} record kept by the ward.` : 'A record of the ward\'s back office.'} ${random.pick(SENTENCES)}`);
  if (tags.length) {
    out.line(' *');
    for (const tag of tags) out.line(` * ${tag}`);
  }
  out.line(' */');
  const head = schema.kind === 'interface' ? `export interface ${schema.name} {`
    : schema.kind === 'type' ? `export type ${schema.name} = {` : `export class ${schema.name} {`;
  if (schema.planted) out.mark(schema.planted, head, schema.name, { from: head.indexOf(' ', 7) });
  else out.line(head);
  for (const field of schema.fields) {
    const doc = [field.tag, field.name === CONSENT_FIELD ? '@parentalConsent' : undefined,
      field.narrowed ? `@purpose ${field.purposes.join(' ')}` : undefined].filter(Boolean);
    if (doc.length) out.line(`  /** ${doc.join(' ')} */`);
    out.line(`  ${declaration(field, schema.kind === 'class')}`);
  }
  if (schema.ref) out.line(`  ${schema.refField}${schema.kind === 'class' ? '?' : ''}: ${schema.ref.name};`);
  out.line(schema.kind === 'type' ? '};' : '}');
}

function declaration(field, isClass) {
  if (field.type === 'bytes') return `${field.name}?: Uint8Array;`;
  if (field.type === 'boolean?') return `${field.name}?: boolean;`;
  if (!isClass) return `${field.name}: ${field.type};`;
  const initial = { string: "''", number: '0', boolean: 'false' }[field.type];
  return `${field.name}: ${field.type} = ${initial};`;
}

/**
 * The special functions: collections of facial data (guarded, unguarded, of adults), `@basis` code, and
 * the planted findings in the application code (`use-beyond-purpose`, its suppressed twin,
 * `minor-facial-consent`, `unknown-purpose`). Each is a small function of its own that nothing calls, so
 * that its finding, or its absence, does not depend on anything else in the corpus.
 */
import { PURPOSES, SENTENCES, UNKNOWN_PURPOSES } from './vocabulary.mjs';
import { camel } from './source-file.mjs';
import { plainFields } from './functions.mjs';

/** Assigns `counts` special functions to host modules (services and handlers without a file purpose). */
export function planSpecials(random, modules, schemas, counts) {
  const hosts = modules.filter((m) => (m.kind === 'service' || m.kind === 'handler') && !m.filePurpose);
  const checked = schemas.tagged.filter((s) => !s.unchecked);
  const beyond = checked.filter((s) => beyondFields(s).length);
  const children = schemas.tagged.filter((s) => s.childFacial);
  const adults = schemas.tagged.filter((s) => s.adultFacial);
  const pools = {
    'beyond-purpose': beyond, 'beyond-purpose-suppressed': beyond, 'escape-beyond-purpose': beyond, basis: checked,
    'collect-guarded-field': children, 'collect-guarded-function': children, 'collect-unguarded': children,
    'collect-adult': adults, 'unknown-purpose': schemas.plain, 'untyped-read': schemas.tagged.filter((s) => s.fields.some((f) => f.tag && f.type === 'string')),
  };
  // Hosts that mention tagged fields already, so that the specials do not raise `--tagged-name-share`.
  const mentioning = hosts.filter((m) => m.mentions);
  for (const [type, count] of Object.entries(counts)) {
    for (let i = 0; i < count; i++) {
      const host = random.pick(type !== 'unknown-purpose' && mentioning.length ? mentioning : hosts);
      const schema = random.pick(pools[type]);
      host.specials.push({ type, schema, field: type.startsWith('beyond') ? random.pick(beyondFields(schema)) : undefined,
        form: type === 'escape-beyond-purpose' ? random.pick(['console', 'json', 'spread']) : random.pick(['assignment', 'literal']) });
      if (type !== 'unknown-purpose') host.mentions = true;
    }
  }
}

/** String and number fields whose declared purposes do not include `marketing`. */
function beyondFields(schema) {
  return schema.fields.filter((f) => f.tag && f.type !== 'bytes' && f.purposes.length && !f.purposes.includes('marketing'));
}

/** Types and values a special needs imported: `[file, name, isType]`. */
export function specialImports(special) {
  const imports = [[special.schema.file, special.schema.name, true]];
  if (special.type === 'collect-guarded-function') imports.push([special.schema.file, special.schema.consentFn, false]);
  return imports;
}

/** Writes one special function to `out`; `unique` makes a function name unique in the corpus. */
export function writeSpecial(random, out, special, unique) {
  const { schema } = special;
  const T = schema.name;
  const r = camel(T);
  const doc = (lines, tags, mark) => {
    out.line('/**');
    for (const line of lines) out.line(` * ${line}`);
    out.line(' *');
    for (const tag of tags) {
      if (mark && tag.includes(mark)) out.mark('unknown-purpose', ` * ${tag}`, mark);
      else out.line(` * ${tag}`);
    }
    out.line(' */');
  };
  const facialPurpose = schema.fields.find((f) => f.facial)?.purposes[0];
  const spreadPurpose = schema.commonPurposes[0];
  switch (special.type) {
    case 'beyond-purpose':
    case 'beyond-purpose-suppressed': {
      const suppressed = special.type === 'beyond-purpose-suppressed';
      doc([`Invitations to the ward's health class, drawn from the ${schema.domain.key} records.`], ['@purpose marketing']);
      out.line(`export function ${unique(`invite${T}`)}(${r}: ${T}): string {`);
      out.line("  let label = '';");
      if (suppressed) out.line('  // appi-guard-disable-next-line use-beyond-purpose -- the resident agreed on the class sign-up form');
      const text = `  label += ${r}.${special.field.name};`;
      out.mark('use-beyond-purpose', text, special.field.name, { from: text.indexOf('.'), accesses: 1, suppressed });
      out.line('  return label;');
      break;
    }
    case 'escape-beyond-purpose': {
      // The whole record leaves: one finding at the escaping expression (the spread for a spread).
      doc(['Shares the records with the events team\'s mailing tool.'], ['@purpose marketing']);
      out.line(`export function ${unique(`share${T}`)}(${r}: ${T}): string {`);
      out.line("  let label = '';");
      if (special.form === 'console') {
        out.mark('use-beyond-purpose', `  console.log('shared', ${r});`, r, { from: 15, accesses: 1, also: ['personal-data-in-log'] });
      }
      else if (special.form === 'json') out.mark('use-beyond-purpose', `  label += JSON.stringify(${r});`, r, { from: 12, accesses: 1 });
      else out.mark('use-beyond-purpose', `  label += String(Object.keys({ ...${r} }).length);`, `...${r}`, { accesses: 2 });
      out.line('  return label;');
      break;
    }
    case 'collect-guarded-field':
      doc(['Keeps the photo taken at the desk, once the guardian has signed the consent form.'], facialPurpose ? [`@purpose ${facialPurpose}`] : []);
      out.line(`export function ${unique(`keepPhotoOf${T}`)}(${r}: ${T}, frame: Uint8Array): void {`);
      out.line(`  if (!${r}.parentalConsent) return;`, 1);
      out.line(`  ${r}.faceImage = frame;`, 1);
      break;
    case 'collect-guarded-function':
      doc(['A copy of the record with the new photo, for the identity check at the next visit.'], spreadPurpose ? [`@purpose ${spreadPurpose}`] : []);
      out.line(`export function ${unique(`withPhotoOf${T}`)}(${r}: ${T}, frame: Uint8Array): ${T} {`);
      out.line(`  if (!${schema.consentFn}(${r})) throw new Error('Parental consent is required to collect facial data');`);
      out.line(`  const next: ${T} = { ...${r}, faceImage: frame };`);
      // With no purpose, the spread is a use that no context reaches.
      if (!spreadPurpose) out.notChecked('unreached-use');
      out.line('  return next;');
      break;
    case 'collect-adult':
      doc(['Retakes the badge photo at the counter; staff are adults.'], facialPurpose ? [`@purpose ${facialPurpose}`] : []);
      out.line(`export function ${unique(`retakeBadgeOf${T}`)}(${r}: ${T}, frame: Uint8Array): void {`);
      out.line(`  ${r}.faceImage = frame;`, 1);
      break;
    case 'collect-unguarded':
      if (special.form === 'assignment') {
        doc(['The "retake photo" button at the reception counter.', random.pick(SENTENCES)], facialPurpose ? [`@purpose ${facialPurpose}`] : []);
        out.line(`export function ${unique(`retakePhotoOf${T}`)}(${r}: ${T}, frame: Uint8Array): void {`);
        out.mark('minor-facial-consent', `  ${r}.faceImage = frame;`, 'faceImage', { accesses: 1 });
      } else {
        doc(['Carries a record over from the retired system, photo included.'], spreadPurpose ? [`@purpose ${spreadPurpose}`] : []);
        out.line(`export function ${unique(`carryOver${T}`)}(${r}: ${T}, frame: Uint8Array): ${T} {`);
        out.mark('minor-facial-consent', `  const next: ${T} = { ...${r}, faceImage: frame };`, 'faceImage');
        if (!spreadPurpose) out.notChecked('unreached-use');
        out.line('  return next;');
      }
      break;
    case 'basis': {
      doc(['Monthly counts for the prefecture: only the totals leave the office.'], ['@purpose statistics', '@basis statistics aggregate counts only']);
      out.line(`export function ${unique(`count${T}`)}(${r}: ${T}): string {`);
      out.line("  let label = '';");
      for (const field of random.sample(schema.fields.filter((f) => f.tag && f.type !== 'bytes'), 2)) {
        out.line(`  label += ${r}.${field.name};`, 1);
      }
      out.line('  return label;');
      break;
    }
    case 'unknown-purpose': {
      const id = random.pick(UNKNOWN_PURPOSES);
      if (PURPOSES.some((p) => p.id === id)) throw new Error('generator bug: unknown purpose in the catalogue');
      doc(['Left over from the 2019 outreach pilot.'], [`@purpose ${id}`], id);
      out.line(`export function ${unique(`outreach${T}`)}(${r}: ${T}): string {`);
      out.line(`  return ${r}.${random.pick(plainFields(schema).filter((f) => f.type === 'string')).name};`, 1);
      break;
    }
    case 'untyped-read': {
      // Rows of a reader with no types: two reads of tagged names on `any`, counted as not checked.
      const [first, second] = random.sample(schema.fields.filter((f) => f.tag && f.type === 'string'), 2);
      doc(['Reads the rows the retired system exports; its reader ships no types.'], []);
      out.line(`export function ${unique(`legacy${T}Line`)}(row: any): string {`);
      out.line(`  return String(row.${first.name}) + ' ' + String(row['${(second ?? first).name}']);`, 2);
      out.notChecked('untyped-read', 2);
      break;
    }
    default:
      throw new Error(`generator bug: special ${special.type}`);
  }
  out.line('}');
}

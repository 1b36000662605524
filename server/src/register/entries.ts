import { isAlias, isMap, type Pair } from 'yaml';
import type { FileEntry, Located } from './model';
import { entryKeys, exemptions, isPlaceholder, requiredItems, requiredWhenExempt } from './model';
import { firstLineOf, pairOf, rangeOf } from './nodes';
import type { Reader } from './reader';

const messages = {
  text: (key: string) => `\`${key}\` must be text.`,
  words: (key: string) => `\`${key}\` must be a list of words, such as \`[treatment, billing]\`.`,
  recipients: '`recipients` must be a list of the routine recipients outside the organ (`[]` when there are none).',
  specialCare: '`specialCare` must be `true` or `false`: whether special care-required information is included.',
  schema: '`schema` must be `path#TypeName`, the path relative to the workspace root, such as `src/model/patient.ts#Patient`.',
  entry: 'Each entry of `files` must be a mapping with `name`, `section`, `purposes`, … (APPI Art. 74(1)).',
} as const;

/** Reads the `files:` entries: each item of its type or a problem, and what each entry leaves out. */
export function readEntries(reader: Reader, items: readonly unknown[]): FileEntry[] {
  const entries: FileEntry[] = [];
  const seen = new Set<unknown>();
  for (const [index, item] of items.entries()) {
    const node = reader.resolve(item);
    if (!isMap(node)) {
      reader.problems.push({ span: rangeOf(item, reader.text), message: messages.entry });
      continue;
    }
    // The same entry through two aliases is read once: its problems are in one place.
    if (seen.has(node)) continue;
    seen.add(node);
    if (!isAlias(item)) reader.warnUnknownKeys(node, entryKeys);
    const pair = (key: string): Pair | undefined => pairOf(node.items, key);
    const name = reader.text_(pair('name'), messages.text('name'));
    const schema = reader.text_(pair('schema'), messages.schema);
    const validSchema = schema && /^[^#]+#[A-Za-z_$][\w$]*$/.test(schema.value) ? schema : undefined;
    if (schema && !validSchema) reader.problems.push({ span: schema.span, message: messages.schema });
    const purposes = reader.words(pair('purposes'), messages.words('purposes'));
    const recordedMatters = reader.words(pair('recordedMatters'), messages.words('recordedMatters'));
    const specialCare = reader.boolean(pair('specialCare'), messages.specialCare);
    const exemption = reader.text_(pair('exemption'), messages.text('exemption'));
    const texts = new Map<string, Located<string> | undefined>();
    for (const key of ['section', 'scope', 'collectionMethod', 'requestOffice'] as const)
      texts.set(key, reader.text_(pair(key), messages.text(key)));
    const recipients = reader.words(pair('recipients'), messages.recipients);

    const known = exemption === undefined || exemption.value === 'none' || (exemptions as readonly string[]).includes(exemption.value);
    const exempt = known && exemption !== undefined && exemption.value !== 'none';
    const required: readonly string[] = exempt ? requiredWhenExempt : requiredItems;
    const missing = required.filter((key) => {
      if (reader.isEmpty(pair(key))) return true;
      const value = reader.resolve(pair(key)?.value);
      // A value the fixes wrote for what the code cannot know is not yet an answer.
      const text = key === 'name' ? name : texts.get(key);
      if (text && isPlaceholder(text.value)) return true;
      const list =
        key === 'purposes' ? purposes : key === 'recordedMatters' ? recordedMatters : key === 'recipients' ? recipients : undefined;
      // No purpose and no recorded matter is no answer; no routine recipient is one.
      if (list && list.items.length === 0 && key !== 'recipients') return true;
      return !!list && list.items.some((word) => isPlaceholder(word.value)) && value !== undefined;
    });
    entries.push({
      index,
      node,
      anchor: name?.span ?? firstLineOf(rangeOf(item, reader.text), reader.text),
      exemption: exemption && known ? exemption.value : 'none',
      missing,
      ...(name && { name }),
      ...(validSchema && { schema: validSchema }),
      ...(purposes && { purposes }),
      ...(recordedMatters && { recordedMatters }),
      ...(specialCare && { specialCare }),
      ...(exemption && !known && { unknownExemption: exemption }),
    });
  }
  return entries;
}

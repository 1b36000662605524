import { isMap, isScalar, isSeq, isAlias, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { Span } from '../annotations/model';

/** One purpose of the catalogue (SPEC §3, `purposes:`). */
export interface PurposeEntry {
  readonly id: string;
  readonly description?: string;
  /** Purposes the organisation holds reasonably related to this one (APPI Art. 17(2), 61(3)). */
  readonly related: readonly string[];
  /** The id's value in the YAML. */
  readonly span: Span;
}

export interface RegisterProblem {
  readonly span: Span;
  readonly message: string;
}

/**
 * The register as read: the parts understood, and a problem (with its place) for each part that is not.
 * Reading never fails: broken YAML is data too. The YAML document is kept, so that edits can go back into
 * it without losing comments, order or formatting.
 */
export interface Register {
  readonly document: Document.Parsed;
  /** Undefined when the register has no `purposes:`, which leaves purpose ids unchecked. */
  readonly purposes?: readonly PurposeEntry[];
  readonly problems: readonly RegisterProblem[];
  /** True when YAML errors make the content unreliable, so nothing is checked against it. */
  readonly broken: boolean;
}

export function parseRegister(text: string): Register {
  // Aliases are never expanded here (each node is visited once), so alias bombs cost nothing.
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  const problems: RegisterProblem[] = document.errors.map((error) => ({
    span: wordAt(text, error.pos[0], error.pos[1]),
    message: `The register is not valid YAML: ${firstLine(error.message)}`,
  }));
  const broken = problems.length > 0;
  const root = document.contents;
  if (broken) return { document, problems, broken };
  if (!isMap(root)) {
    const span = root ? rangeOf(root, text) : { start: 0, end: 0 };
    problems.push({ span, message: 'The register must be a mapping with `organization`, `purposes` and `files`.' });
    return { document, problems, broken };
  }
  const purposesPair = pairOf(root.items, 'purposes');
  const purposes = purposesPair ? readPurposes(purposesPair, document, text, problems) : undefined;
  return { document, problems, broken, ...(purposes && { purposes }) };
}

function readPurposes(pair: Pair, document: Document.Parsed, text: string, problems: RegisterProblem[]): PurposeEntry[] | undefined {
  const list = resolve(pair.value, document);
  if (!isSeq(list)) {
    problems.push({ span: rangeOf(pair.value ?? pair.key, text), message: '`purposes` must be a list of `{ id, description, related }` entries.' });
    return undefined;
  }
  const entries: PurposeEntry[] = [];
  for (const item of list.items) {
    const entry = resolve(item, document);
    const id = isMap(entry) ? resolve(pairOf(entry.items, 'id')?.value, document) : undefined;
    if (!isMap(entry) || !isScalar(id) || typeof id.value !== 'string' || id.value === '') {
      problems.push({ span: rangeOf(item, text), message: 'Each purpose needs an `id` (a word such as `treatment`).' });
      continue;
    }
    const description = resolve(pairOf(entry.items, 'description')?.value, document);
    const related = resolve(pairOf(entry.items, 'related')?.value, document);
    entries.push({
      id: id.value,
      span: rangeOf(id, text),
      related: isSeq(related) ? related.items.flatMap((r) => (isScalar(r) && typeof r.value === 'string' ? [r.value] : [])) : [],
      ...(isScalar(description) && typeof description.value === 'string' && { description: description.value }),
    });
  }
  return entries;
}

export function pairOf(items: readonly Pair[], key: string): Pair | undefined {
  return items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** An alias stands for its anchor's node; followed one step, never expanded. */
export function resolve(node: unknown, document: Document.Parsed): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

export function rangeOf(node: unknown, text: string): Span {
  const range = (node as YamlNode | undefined)?.range;
  if (!range) return { start: 0, end: 0 };
  return spanAt(text, range[0], range[1]);
}

function spanAt(text: string, start: number, end: number): Span {
  const from = Math.min(Math.max(0, start), text.length);
  return { start: from, end: Math.min(Math.max(from, end), text.length) };
}

/** YAML errors point at a character; underline the word there, so the squiggle can be seen. */
function wordAt(text: string, start: number, end: number): Span {
  const span = spanAt(text, start, end);
  const word = /^[^\s:,\[\]{}]+/.exec(text.slice(span.start));
  return word && word[0].length > span.end - span.start ? { start: span.start, end: span.start + word[0].length } : span;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

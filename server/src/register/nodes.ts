import { type Alias, type Document, isAlias, isCollection, isPair, isScalar, type Pair, type Node as YamlNode } from 'yaml';
import type { Span } from '../base/finding';

/**
 * What the register reader knows about the YAML tree beyond the library's nodes: which node each alias
 * stands for, found in one pass in document order (`Alias.resolve` searches the whole document per call),
 * and how far the aliases would expand, computed once without expanding anything.
 */
export interface AliasMap {
  readonly targets: ReadonlyMap<Alias, YamlNode>;
  /** The alias whose expansion is the largest, when it is beyond `maxExpansion`: an alias bomb. */
  readonly bomb?: { readonly alias: Alias; readonly size: number };
}

/** More nodes than this through one alias is not a register, it is an attack ("billion laughs"). */
const maxExpansion = 100_000;

export function mapAliases(document: Document.Parsed): AliasMap {
  const anchors = new Map<string, YamlNode>();
  const targets = new Map<Alias, YamlNode>();
  const sizes = new Map<unknown, number>();
  let bomb: { alias: Alias; size: number } | undefined;
  // Post-order in document order, with an explicit stack: nesting depth is the attacker's to choose.
  const stack: { node: unknown; children: unknown[]; next: number }[] = [];
  const push = (node: unknown) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
      const size = target ? (sizes.get(target) ?? 1) : 1;
      sizes.set(node, size);
      if (size > maxExpansion && (!bomb || size > bomb.size)) bomb = { alias: node, size };
      return;
    }
    const anchor = (node as YamlNode | undefined)?.anchor;
    if (anchor) anchors.set(anchor, node as YamlNode);
    stack.push({ node, children: childrenOf(node), next: 0 });
  };
  push(document.contents);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      push(frame.children[frame.next++]);
      continue;
    }
    stack.pop();
    let size = 1;
    for (const child of frame.children) size = Math.min(size + (sizes.get(child) ?? 0), Number.MAX_SAFE_INTEGER);
    sizes.set(frame.node, size);
  }
  return bomb ? { targets, bomb } : { targets };
}

function childrenOf(node: unknown): unknown[] {
  if (isCollection(node)) return node.items as unknown[];
  if (isPair(node)) return [node.key, node.value];
  return [];
}

export function pairOf(items: readonly Pair[], key: string): Pair | undefined {
  return items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

export function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
}

export function rangeOf(node: unknown, text: string): Span {
  const range = (node as YamlNode | undefined)?.range;
  if (!range) return { start: 0, end: 0 };
  return spanAt(text, range[0], range[1]);
}

export function spanAt(text: string, start: number, end: number): Span {
  const from = Math.min(Math.max(0, start), text.length);
  return { start: from, end: Math.min(Math.max(from, end), text.length) };
}

/** The first line of a node's extent: an anchor that does not underline a whole entry. */
export function firstLineOf(span: Span, text: string): Span {
  const newline = text.indexOf('\n', span.start);
  return { start: span.start, end: newline === -1 || newline > span.end ? span.end : newline };
}

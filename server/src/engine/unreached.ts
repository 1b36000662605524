import type ts from 'typescript';
import type { Catalogue } from '../annotations/catalogue';
import type { Unchecked } from '../base/coverage';
import type { LineIndex } from '../base/lines';
import { callableCodeOf } from './callable-names';
import { codeKey, type Reached } from './queries/reached';
import type { Use } from './queries/uses';

/** What counting the unreached uses reads: each file's tree, uses and reached answer, as the run kept them. */
export interface UnreachedInput {
  readonly files: Iterable<string>;
  readonly catalogue: Catalogue;
  tree(file: string): ts.SourceFile | undefined;
  usesOf(file: string): readonly Use[];
  reachedOf(file: string): Reached;
  lines(file: string): LineIndex | undefined;
}

/**
 * The uses of tagged fields in code that no context reaches (README, "What a clean run means"): code with
 * no context of its own that no search from a context went into — a helper that nothing with a purpose
 * calls, code at a module's top level, a handler registered in code without one. A count over the whole
 * workspace, from what every file's analysis kept: a file alone cannot say whether another reaches it.
 */
export function unreachedUses(input: UnreachedInput): Unchecked[] {
  const files = [...input.files];
  const entered = new Set<string>();
  for (const file of files)
    if (input.catalogue.contextsOf(file).some((context) => context.purposes))
      for (const key of input.reachedOf(file).entered) entered.add(key);
  const found: Unchecked[] = [];
  for (const file of files) {
    const tree = input.tree(file);
    const uses = tree ? input.usesOf(file) : [];
    if (!tree || uses.length === 0) continue;
    const codes = callableCodeOf(tree);
    const lines = input.lines(file);
    for (const use of uses) {
      if (use.kind === 'escape' && use.carries !== 'value') continue;
      if (input.catalogue.contextAt(file, use.span.start)) continue;
      const key = codeKey(file, codes, use.span.start);
      if (key !== undefined && entered.has(key)) continue;
      const field = use.fields[0];
      if (!lines || !field) continue;
      const name = use.kind === 'read' ? (field.path ?? field.name) : input.catalogue.schemaOf(field).name;
      found.push({ kind: 'unreached-use', file, range: lines.range(use.span), name });
    }
  }
  return found;
}

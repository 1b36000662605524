import { type CompletionItem, CompletionItemKind, type CompletionParams } from 'vscode-languageserver';
import type { CompletionKind } from '../engine/editor/completions';
import { spanRange } from './convert';
import type { Session } from './session';

/** Typed after these, a completion list may be wanted: a tag after `@`, a tag's words after a space. */
export const completionTriggers = ['@', ' '];

const kinds: Record<CompletionKind, CompletionItemKind> = {
  tag: CompletionItemKind.Keyword,
  purpose: CompletionItemKind.EnumMember,
  category: CompletionItemKind.EnumMember,
  basis: CompletionItemKind.EnumMember,
  file: CompletionItemKind.File,
  word: CompletionItemKind.EnumMember,
};

/** Inside JSDoc only; elsewhere null, so the editor's TypeScript completions are alone. */
export function completion(session: Session, params: CompletionParams): CompletionItem[] | null {
  const at = session.locate(params.textDocument.uri, params.position);
  const completions = at?.folder.workspace.completionsAt(at.file, at.offset);
  const text = at?.folder.workspace.text(at.file);
  if (!completions || text === undefined) return null;
  return completions.map((item, index) => ({
    label: item.label,
    kind: kinds[item.kind],
    ...(item.detail && { detail: item.detail }),
    // Keep the engine's order (the catalogue's) rather than the editor's alphabetical one.
    sortText: String(index).padStart(4, '0'),
    textEdit: { range: spanRange(text, item.replace), newText: item.label },
  }));
}

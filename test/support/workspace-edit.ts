import * as fs from 'node:fs';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';

/** What an editor does with a workspace edit, done on disk: files created, edits applied bottom-up. */
export function applyToDisk(edit: WorkspaceEdit): { file: string; type: 'created' | 'changed' }[] {
  const touched = new Map<string, 'created' | 'changed'>();
  const edits: { file: string; edits: readonly TextEdit[] }[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind !== 'create') throw new Error(`unexpected resource operation ${change.kind}`);
      const file = URI.parse(change.uri).fsPath;
      if (!fs.existsSync(file)) {
        fs.writeFileSync(file, '');
        touched.set(file, 'created');
      }
    } else edits.push({ file: URI.parse(change.textDocument.uri).fsPath, edits: change.edits as TextEdit[] });
  }
  for (const [uri, changes] of Object.entries(edit.changes ?? {})) edits.push({ file: URI.parse(uri).fsPath, edits: changes });
  for (const { file, edits: fileEdits } of edits) {
    fs.writeFileSync(file, applyEdits(fs.readFileSync(file, 'utf8'), fileEdits));
    if (!touched.has(file)) touched.set(file, 'changed');
  }
  return [...touched].map(([file, type]) => ({ file, type }));
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (position: Position) => Math.min((starts[position.line] ?? text.length) + position.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

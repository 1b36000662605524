import {
  type CreateFile,
  type Diagnostic,
  DiagnosticSeverity,
  type Range as LspRange,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { FileEdit, Finding, Range, Severity, Span } from '../base/finding';
import { LineIndex } from '../base/lines';
import { docsUrl } from '../engine/rule';
import { uriOf } from './uris';

/** Engine data -> protocol data, in one place. Findings carry line/character already (UTF-16, 0-based). */

const diagnosticSource = 'appi-guard';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toRange(range: Range): LspRange {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

/**
 * A file the analysis skipped, or not every rule analysed, must not look clean: one information diagnostic
 * at its first line says what was not done.
 */
export function incompleteDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'appi-guard',
    code: 'incomplete-analysis',
    message: `APPI Guard did not fully analyse this file: ${reason}. Its findings may be missing.`,
  };
}

export function toDiagnostic(finding: Finding, options: { readonly relatedInformation: boolean }): Diagnostic {
  return {
    range: toRange(finding.range),
    severity: severities[finding.severity],
    source: diagnosticSource,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    message: finding.message,
    ...(options.relatedInformation &&
      finding.related.length > 0 && {
        relatedInformation: finding.related.map((related) => ({
          location: { uri: uriOf(related.file), range: toRange(related.range) },
          message: related.message,
        })),
      }),
  };
}

/** A span of a file's current text as a protocol range. */
export function spanRange(text: string, span: Span): LspRange {
  return toRange(new LineIndex(text).range(span));
}

export interface EditTarget {
  /** The file's current text; undefined when it does not exist (the edit creates it). */
  text(file: string): string | undefined;
  /** The open document's version, or null for a file that is not open. */
  version(file: string): number | null;
  /** Whether the client takes `documentChanges` with `create` operations. */
  readonly documentChanges: boolean;
}

/** Edits of several files as one workspace edit; a file that does not exist yet is created first. */
export function toWorkspaceEdit(edits: readonly FileEdit[], target: EditTarget): WorkspaceEdit {
  const byFile = new Map<string, FileEdit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  const changes: Record<string, { range: LspRange; newText: string }[]> = {};
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const [file, fileEdits] of byFile) {
    const uri = uriOf(file);
    const text = target.text(file);
    const lines = new LineIndex(text ?? '');
    const textEdits = fileEdits.map((edit) => ({ range: toRange(lines.range(edit)), newText: edit.newText }));
    changes[uri] = textEdits;
    if (text === undefined) documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri, version: text === undefined ? null : target.version(file) }, edits: textEdits });
  }
  return target.documentChanges ? { documentChanges } : { changes };
}

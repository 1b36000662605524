import { type CodeAction, CodeActionKind, type CodeActionParams, type Command } from 'vscode-languageserver';
import type { Finding, Fix } from '../base/finding';
import { suppressionFix } from '../engine/suppressions';
import { toDiagnostic, toWorkspaceEdit } from './convert';
import type { Folder } from './folders';
import type { Session } from './session';
import { pathOf } from './uris';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.appiGuard`;
export const openRuleDocsCommand = 'appiGuard.openRuleDocs';

/** What a code action carries until `codeAction/resolve` computes its edit. */
interface ActionData {
  readonly uri: string;
  /** The document version the action was offered for: a later one makes it stale. */
  readonly version: number | null;
  /** The finding, by rule, start, end and message; or every safe fix of the file for fix-all. */
  readonly finding?: FindingKey;
  readonly title?: string;
  readonly fixAll?: true;
}

type FindingKey = readonly [rule: string, start: number, end: number, message: string];

/**
 * Code actions as vscode-eslint groups them, per finding: its fixes (the preferred one marked), disable for
 * this line with a reason to fill in, show the rule's documentation; and `source.fixAll.appiGuard`, which
 * applies only safe fixes. Edits are computed in `codeAction/resolve` when the client resolves lazily.
 */
export function codeActions(session: Session, params: CodeActionParams): (CodeAction | Command)[] {
  const file = pathOf(params.textDocument.uri);
  const folder = file === undefined ? undefined : session.folders.of(file);
  if (!file || !folder?.settings.enable) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
  const version = session.documents.get(params.textDocument.uri)?.version ?? null;
  const findings = session.analysis.findingsOf(folder, file).filter((finding) => !finding.suppressed);
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const start = offsetOf(session, params.textDocument.uri, params.range.start);
    const end = offsetOf(session, params.textDocument.uri, params.range.end);
    const docs = new Set<string>();
    for (const finding of findings.filter((f) => f.range.start.offset <= end && start <= f.range.end.offset)) {
      const diagnostic = toDiagnostic(finding, { relatedInformation: false });
      for (const fix of fixesOf(folder, finding)) {
        const data: ActionData = { uri: params.textDocument.uri, version, finding: keyOf(finding), title: fix.title };
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          ...(fix.isPreferred && { isPreferred: true }),
          ...(session.abilities.codeActionResolve ? { data } : { edit: editOf(session, folder, fix) }),
        });
      }
      if (!docs.has(finding.ruleId)) {
        docs.add(finding.ruleId);
        const title = `Show documentation for ${finding.ruleId}`;
        actions.push({
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title, command: openRuleDocsCommand, arguments: [finding.ruleId] },
        });
      }
    }
  }
  if (wants(fixAllKind) && findings.some((finding) => safeFixesOf(folder, finding, file).length > 0)) {
    const data: ActionData = { uri: params.textDocument.uri, version, fixAll: true };
    const title = 'Fix all safe APPI Guard problems';
    actions.push({
      title,
      kind: fixAllKind,
      ...(session.abilities.codeActionResolve ? { data } : { edit: fixAllEdit(session, folder, file, findings) }),
    });
  }
  return actions;
}

/** Computes the edit of an action offered earlier, if its document has not changed since. */
export function resolveCodeAction(session: Session, action: CodeAction): CodeAction {
  const data = action.data as ActionData | undefined;
  const file = data && pathOf(data.uri);
  const folder = file === undefined ? undefined : session.folders.of(file);
  if (!data || !file || !folder) return action;
  if ((session.documents.get(data.uri)?.version ?? null) !== data.version) return action;
  const findings = session.analysis.findingsOf(folder, file).filter((finding) => !finding.suppressed);
  if (data.fixAll) return { ...action, edit: fixAllEdit(session, folder, file, findings) };
  const finding = findings.find((candidate) => sameKey(keyOf(candidate), data.finding));
  const fix = finding && fixesOf(folder, finding).find((candidate) => candidate.title === data.title);
  return fix ? { ...action, edit: editOf(session, folder, fix) } : action;
}

/** The rule's fixes, and for findings in TypeScript a suppression comment when the rule has none of its own. */
function fixesOf(folder: Folder, finding: Finding): Fix[] {
  const fixes = folder.workspace.fixes(finding);
  const suppressible = finding.ruleId !== 'suppression' && finding.file !== folder.workspace.registerPath;
  if (suppressible && !fixes.some((fix) => fix.title.startsWith('Disable '))) {
    const disable = suppressionFix(finding, folder.workspace.text(finding.file));
    if (disable) fixes.push(disable);
  }
  return fixes;
}

/** Safe fixes whose every edit stays in this file: fix-all must not touch the register or other files unasked. */
function safeFixesOf(folder: Folder, finding: Finding, file: string): Fix[] {
  if (!finding.fixable) return [];
  return folder.workspace.fixes(finding).filter((fix) => fix.safe && fix.edits.every((edit) => edit.file === file));
}

function fixAllEdit(session: Session, folder: Folder, file: string, findings: readonly Finding[]) {
  const taken: { start: number; end: number }[] = [];
  const edits = [];
  for (const finding of findings) {
    const fix = safeFixesOf(folder, finding, file)[0];
    if (!fix || fix.edits.some((edit) => taken.some((other) => edit.start < other.end && other.start < edit.end))) continue;
    taken.push(...fix.edits);
    edits.push(...fix.edits);
  }
  return editOf(session, folder, { title: 'fix all', edits });
}

function editOf(session: Session, folder: Folder, fix: Fix) {
  return toWorkspaceEdit(fix.edits, session.editTarget(folder));
}

function offsetOf(session: Session, uri: string, position: { line: number; character: number }): number {
  return session.locate(uri, position)?.offset ?? 0;
}

const keyOf = (finding: Finding): FindingKey => [finding.ruleId, finding.range.start.offset, finding.range.end.offset, finding.message];

function sameKey(a: FindingKey, b: FindingKey | undefined): boolean {
  return b !== undefined && a.every((part, index) => part === b[index]);
}

import ts from 'typescript';
import type { Finding, Fix, Span } from '../base/finding';
import type { LineIndex } from '../base/lines';

/** `// appi-guard-disable-next-line <rule-id>[, <rule-id>…] -- <reason>` */
const directive = 'appi-guard-disable-next-line';
const directivePattern = new RegExp(`//[ \\t]*${directive}\\b([^\\n]*)`, 'g');

export interface Suppression {
  /** The whole comment. */
  readonly span: Span;
  /** 0-based line of the comment; it covers findings that start on the next line. */
  readonly line: number;
  readonly rules: readonly { readonly id: string; readonly span: Span }[];
  readonly reason: string | undefined;
}

export interface AppliedSuppression extends Suppression {
  /** Whether it covered a finding. */
  readonly used: boolean;
}

/**
 * Suppression comments of a file: real comments only, never text that looks like one inside a string.
 * `lines` is asked only when there is one (most files have none, and need no line index).
 */
export function findSuppressions(sourceFile: ts.SourceFile, lines: () => LineIndex): Suppression[] {
  const text = sourceFile.text;
  if (!text.includes(directive)) return [];
  const found: Suppression[] = [];
  for (const match of text.matchAll(directivePattern)) {
    const start = match.index!;
    if (!isInTrivia(sourceFile, start)) continue;
    const body = match[1]!;
    const bodyStart = start + match[0].length - body.length;
    const separator = body.indexOf('--');
    const list = separator === -1 ? body : body.slice(0, separator);
    const reason = separator === -1 ? undefined : body.slice(separator + 2).trim() || undefined;
    const rules = [...list.matchAll(/[^\s,]+/g)].map((id) => ({
      id: id[0],
      span: { start: bodyStart + id.index!, end: bodyStart + id.index! + id[0].length },
    }));
    found.push({ span: { start, end: start + match[0].length }, line: lines().position(start).line, rules, reason });
  }
  return found;
}

/**
 * Marks the findings each suppression covers (those of the rules it names that start on the next line) and
 * says which suppressions covered something; the `suppression` rule reads that to report the wrong ones.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
): { findings: Finding[]; applied: AppliedSuppression[] } {
  const result = [...findings];
  const applied = suppressions.map((suppression) => {
    let used = false;
    result.forEach((finding, index) => {
      if (finding.range.start.line !== suppression.line + 1 || !suppression.rules.some((rule) => rule.id === finding.ruleId)) return;
      used = true;
      result[index] = { ...finding, suppressed: { reason: suppression.reason ?? '' } };
    });
    return { ...suppression, used };
  });
  return { findings: result, applied };
}

/** The edit that inserts a suppression above a finding's line, in that line's indentation. */
export function suppressionFix(finding: Finding, text: string | undefined): Fix | undefined {
  if (text === undefined) return undefined;
  const lineStart = finding.range.start.offset - finding.range.start.character;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  return {
    title: `Disable ${finding.ruleId} for this line (give a reason)`,
    edits: [{ file: finding.file, start: lineStart, end: lineStart, newText: `${indent}// ${directive} ${finding.ruleId} -- reason: \n` }],
  };
}

/**
 * True when `offset` lies between tokens (in white space or a comment): descend to the innermost node that
 * holds it; either it is in a child's leading trivia, or in the node's own text, where only the gap since
 * the previous child can hold trivia, and a scan of that gap (never of a string or template) decides.
 */
function isInTrivia(sourceFile: ts.SourceFile, offset: number): boolean {
  let node: ts.Node = sourceFile;
  let gapStart = 0;
  for (;;) {
    let inside: ts.Node | undefined;
    gapStart = node === sourceFile ? 0 : node.getStart(sourceFile);
    ts.forEachChild(node, (child) => {
      if (child.pos <= offset && offset < child.end) inside = child;
      else if (child.end <= offset) gapStart = Math.max(gapStart, child.end);
      return inside ? true : undefined;
    });
    if (!inside) break;
    if (offset < (inside as ts.Node).getStart(sourceFile)) return true;
    node = inside;
  }
  if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node) || ts.isRegularExpressionLiteral(node))
    return false;
  const text = sourceFile.text;
  const scanner = ts.createScanner(sourceFile.languageVersion, false, sourceFile.languageVariant, text, undefined, gapStart);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (scanner.getTokenEnd() > offset)
      return kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia;
  }
  return false;
}

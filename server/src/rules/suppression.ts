import { replace } from '../annotations/edits';
import type { Span } from '../base/finding';
import { closest } from '../base/spelling';
import type { Report, Rule } from '../engine/rule';
import type { AppliedSuppression } from '../engine/suppressions';

export type SuppressionProblem = 'no-reason' | 'unknown-rule' | 'unused';

interface Data {
  readonly problem: SuppressionProblem;
  /** The comment's whole line, for removal. */
  readonly line: Span;
  readonly suggestion?: { readonly span: Span; readonly text: string };
}

/**
 * `suppression` (docs/rules/suppression.md): a suppression comment without a reason, naming an unknown rule, or suppressing
 * nothing. The engine matches comments to findings (it sees every rule's output) and tells this rule what
 * each comment covered.
 */
export const suppression: Rule = {
  meta: {
    id: 'suppression',
    description: 'A suppression comment without a reason, naming an unknown rule, or suppressing nothing.',
    defaultSeverity: 'warning',
    fixable: true,
  },

  checkSuppressions(context) {
    for (const suppression of context.suppressions)
      for (const report of problemsOf(suppression, context.ruleIds, context.text)) context.report(report);
  },

  fixes(finding, context) {
    const data = finding.data as Data;
    switch (data.problem) {
      case 'unused':
        return [{ title: 'Remove the unused suppression', isPreferred: true, safe: true, edits: [replace(finding.file, data.line, '')] }];
      case 'unknown-rule':
        return data.suggestion
          ? [
              {
                title: `Replace with \`${data.suggestion.text}\``,
                isPreferred: true,
                safe: true,
                edits: [replace(finding.file, data.suggestion.span, data.suggestion.text)],
              },
            ]
          : [];
      case 'no-reason': {
        const comment = (context.text(finding.file) ?? '').slice(finding.range.start.offset, finding.range.end.offset).trimEnd();
        const at = finding.range.start.offset + comment.length;
        const text = comment.endsWith('--') ? ' reason: ' : ' -- reason: ';
        return [{ title: 'Add a reason', edits: [replace(finding.file, { start: at, end: at }, text)] }];
      }
    }
  },
};

/** What is wrong with one comment, in the order a reader meets it: unknown rules, no rule, no reason, nothing suppressed. */
function problemsOf(suppression: AppliedSuppression, ruleIds: readonly string[], text: string): Report[] {
  const problems: Report[] = [];
  const known = suppression.rules.filter((rule) => ruleIds.includes(rule.id));
  for (const rule of suppression.rules) {
    if (ruleIds.includes(rule.id)) continue;
    const suggestion = closest(rule.id, ruleIds);
    problems.push({
      span: rule.span,
      message: `\`${rule.id}\` is not an APPI Guard rule${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`,
      data: {
        problem: 'unknown-rule',
        line: lineSpan(text, suppression.span),
        ...(suggestion && { suggestion: { span: rule.span, text: suggestion } }),
      } satisfies Data,
    });
  }
  if (suppression.rules.length === 0) {
    problems.push({ span: suppression.span, message: 'This suppression names no rule: name the rule it disables, then `-- <reason>`.' });
  }
  if (suppression.reason === undefined && suppression.rules.length > 0) {
    problems.push({
      span: suppression.span,
      message: 'This suppression gives no reason: add `-- <reason>` so reviewers know why the finding does not apply.',
      data: { problem: 'no-reason', line: lineSpan(text, suppression.span) } satisfies Data,
    });
  }
  if (!suppression.used && known.length > 0 && known.length === suppression.rules.length) {
    const names = known.map((rule) => `\`${rule.id}\``).join(', ');
    problems.push({
      span: suppression.span,
      message: `This suppression of ${names} suppresses nothing: no such finding starts on the next line.`,
      data: { problem: 'unused', line: lineSpan(text, suppression.span) } satisfies Data,
    });
  }
  return problems;
}

/** The comment's line, newline included, when the comment stands alone on it; else just the comment. */
function lineSpan(text: string, comment: Span): Span {
  const lineStart = text.lastIndexOf('\n', comment.start - 1) + 1;
  const newline = text.indexOf('\n', comment.end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const alone = /^[ \t]*$/.test(text.slice(lineStart, comment.start));
  return alone ? { start: lineStart, end: lineEnd } : comment;
}

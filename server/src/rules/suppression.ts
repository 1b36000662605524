import { replace } from '../annotations/edits';
import type { Span } from '../base/finding';
import type { Rule } from '../engine/rule';

export type SuppressionProblem = 'no-reason' | 'unknown-rule' | 'unused';

interface Data {
  readonly problem: SuppressionProblem;
  /** The comment's whole line, for removal. */
  readonly line: Span;
  readonly suggestion?: { readonly span: Span; readonly text: string };
}

/**
 * SPEC §4 `suppression`: a suppression comment without a reason, naming an unknown rule, or suppressing
 * nothing. The engine matches comments to findings (it sees every rule's output); this holds the rule's
 * meta and fixes.
 */
export const suppression: Rule = {
  meta: {
    id: 'suppression',
    description: 'A suppression comment without a reason, naming an unknown rule, or suppressing nothing.',
    defaultSeverity: 'warning',
    fixable: true,
  },

  fixes(finding, context) {
    const data = finding.data as Data;
    switch (data.problem) {
      case 'unused':
        return [{ title: 'Remove the unused suppression', isPreferred: true, safe: true, edits: [replace(finding.file, data.line, '')] }];
      case 'unknown-rule':
        return data.suggestion
          ? [{ title: `Replace with \`${data.suggestion.text}\``, isPreferred: true, safe: true, edits: [replace(finding.file, data.suggestion.span, data.suggestion.text)] }]
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

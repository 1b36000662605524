import { replace } from '../annotations/edits';
import type { Suggestion } from '../annotations/model';
import { provisions } from '../base/provisions';
import type { Rule } from '../engine/rule';

interface Data {
  readonly suggestion?: Suggestion;
}

/** `annotation-invalid` (docs/rules/annotation-invalid.md): a known tag with a bad or missing argument, or in a place it means nothing. */
export const annotationInvalid: Rule = {
  meta: {
    id: 'annotation-invalid',
    description: 'A known annotation tag with a bad or missing argument, or in a place where it has no meaning.',
    defaultSeverity: 'error',
    provision: provisions.annotations,
    fixable: true,
  },

  checkAnnotations(context) {
    for (const problem of context.annotations.problems) {
      context.report({
        span: problem.span,
        message: problem.message,
        data: (problem.suggestion ? { suggestion: problem.suggestion } : {}) satisfies Data,
      });
    }
  },

  fixes(finding) {
    const { suggestion } = finding.data as Data;
    if (!suggestion) return [];
    return [
      {
        title: suggestion.title ?? `Replace with \`${suggestion.text}\``,
        isPreferred: true,
        safe: true,
        edits: [replace(finding.file, suggestion.span, suggestion.text)],
      },
    ];
  },
};

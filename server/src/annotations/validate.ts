import type { Span } from '../base/finding';
import { closest } from '../base/spelling';
import type { Arg, Suggestion, Tag } from './model';
import { basisIds, type KnownTag, purposeIdPattern, specialCareCategories } from './vocabulary';

export interface TagProblem {
  readonly span: Span;
  readonly message: string;
  readonly suggestion?: Suggestion;
}

/** Checks a known tag's arguments (docs/annotations.md, "How tags are read"). A tag with a problem means nothing until it is fixed. */
export function validateTag(tag: Tag): TagProblem | undefined {
  const first = tag.args[0];
  if (!first && tag.nextLine && takesArgument(tag.name as KnownTag)) return argumentOnNextLine(tag, tag.nextLine);
  switch (tag.name as KnownTag) {
    case 'specialCare':
      return oneOf(tag, 'a category', specialCareCategories);
    case 'basis':
      return oneOf(tag, 'a legal basis', basisIds);
    case 'purpose': {
      if (!first) return { span: tag.span, message: '`@purpose` needs at least one purpose id, such as `@purpose treatment`.' };
      if (tag.args.some((arg) => arg.text.includes(','))) {
        const span = { start: first.span.start, end: tag.args[tag.args.length - 1]!.span.end };
        const ids = tag.args.flatMap((arg) => arg.text.split(',')).filter(Boolean);
        return {
          span,
          message: `Purpose ids are separated by spaces, not commas: \`@purpose ${ids.join(' ')}\`.`,
          suggestion: { span, text: ids.join(' ') },
        };
      }
      const bad = tag.args.find((arg) => !purposeIdPattern.test(arg.text));
      if (bad)
        return {
          span: bad.span,
          message: `\`${bad.text}\` is not a purpose id: ids start with a letter and hold letters, digits, \`-\`, \`_\` or \`.\`.`,
        };
      return undefined;
    }
    case 'piFile':
      if (!first) return { span: tag.span, message: '`@piFile` needs the name of the Personal Information File, quoted if it has spaces.' };
      if (tag.rest.startsWith('"') && !/^"[^"]*"/.test(tag.rest))
        return { span: first.span, message: '`@piFile` name has an opening quote but no closing one.' };
      return undefined;
    case 'minimumAge':
      if (!first || !/^\d{1,3}$/.test(first.text) || Number(first.text) > 150) {
        return { span: first?.span ?? tag.span, message: '`@minimumAge` needs an age in whole years, such as `@minimumAge 18`.' };
      }
      return undefined;
    case 'facial':
    case 'myNumber':
    case 'birthDate':
    case 'age':
    case 'parentalConsent':
    case 'consent':
      // One word after the tag is an argument it does not take (`@birthDate 1990-01-01`); a sentence is a description.
      if (tag.args.length === 1 && first)
        return {
          span: first.span,
          message: `\`@${tag.name}\` takes no argument: \`${first.text}\` is ignored.`,
          suggestion: { span: { start: tag.span.end, end: first.span.end }, text: '', title: 'Remove the argument' },
        };
      return undefined;
    default:
      return undefined;
  }
}

/** The tags that need an argument; the others take none, or free text. */
function takesArgument(name: KnownTag): boolean {
  return name === 'purpose' || name === 'piFile' || name === 'minimumAge' || name === 'specialCare' || name === 'basis';
}

/**
 * `@purpose` with its ids on the line below: TypeScript's parser keeps them as the tag's text, but the
 * annotation language reads arguments from the tag's own line (so that a description may follow a tag).
 * The fix moves the words up when they are what the tag takes; a sentence is left for the author.
 */
function argumentOnNextLine(tag: Tag, words: readonly Arg[]): TagProblem {
  const first = words[0]!;
  const fits = validateTag({ ...tag, args: words, rest: words.map((word) => word.text).join(' '), nextLine: undefined }) === undefined;
  return {
    span: tag.span,
    message: `Arguments go on the tag's own line: \`${first.text}\`, on the line after \`@${tag.name}\`, is not read as its argument.`,
    ...(fits && {
      suggestion: {
        span: { start: tag.span.end, end: first.span.start },
        text: ' ',
        title: `Move the argument onto the line of \`@${tag.name}\``,
      },
    }),
  };
}

function oneOf(tag: Tag, what: string, allowed: readonly string[]): TagProblem | undefined {
  const first = tag.args[0];
  const list = allowed.map((id) => `\`${id}\``).join(', ');
  if (!first) return { span: tag.span, message: `\`@${tag.name}\` needs ${what}: one of ${list}.` };
  if (allowed.includes(first.text)) return undefined;
  const suggestion = closest(first.text, allowed);
  const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
  return {
    span: first.span,
    message: `\`${first.text}\` is not ${what} for \`@${tag.name}\`: use one of ${list}.${hint}`,
    ...(suggestion && { suggestion: { span: first.span, text: suggestion } }),
  };
}

import type { Arg, Field, FieldKind } from './model';

/** Words for users: what a tagged field is, and lists of purpose ids. */

export function describeKind(kind: FieldKind): string {
  switch (kind.tag) {
    case 'personal':
      return kind.detail ? `personal: ${kind.detail}` : 'personal';
    case 'specialCare':
      return `special care-required: ${kind.category}`;
    case 'facial':
      return 'facial data';
    case 'myNumber':
      return 'My Number';
    case 'birthDate':
      return 'birth date';
    case 'age':
      return 'age';
  }
}

export function describeField(field: Field): string {
  return field.kinds.map(describeKind).join(', ');
}

export function listIds(ids: readonly (Arg | string)[]): string {
  const words = ids.map((id) => `\`${typeof id === 'string' ? id : id.text}\``);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

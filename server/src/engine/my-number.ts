import type { Field } from '../annotations/model';
import type { PurposeCatalogue } from '../register/purposes';

/**
 * The scope of Individual Numbers (SPEC §1, "Individual Number"): they may be used only for the affairs the
 * My Number Act lists (Art. 9), which the catalogue marks with `myNumberAffair`; the individual's consent
 * does not widen that, only the protection of life, body or property does. Two rules read this:
 * `my-number-scope` reports what it rules out, and `use-beyond-purpose` leaves those uses to it.
 */

/** The basis that does allow an Individual Number beyond its affairs (life, body or property). */
export const myNumberBasis = 'vital-interest';

export function isMyNumber(field: Field): boolean {
  return field.kinds.some((kind) => kind.tag === 'myNumber');
}

/** The ids among `purposes` that the catalogue does not mark as a My Number affair (ids it lacks included). */
export function outsideAffairs(purposes: readonly string[], catalogue: PurposeCatalogue): string[] {
  return purposes.filter((id) => catalogue.entries.get(id)?.myNumberAffair === undefined);
}

/**
 * Whether a use of `field` in code serving `served`, with the `@basis` ids on its way, is outside the
 * Individual Number's scope: a `@myNumber` field, a catalogue to tell affairs by, a purpose that is not an
 * affair, and no `vital-interest` basis.
 */
export function beyondMyNumberScope(
  field: Field,
  served: readonly string[],
  bases: readonly string[],
  catalogue: PurposeCatalogue | undefined,
): boolean {
  return isMyNumber(field) && catalogue !== undefined && outsideAffairs(served, catalogue).length > 0 && !bases.includes(myNumberBasis);
}

/**
 * Carries the patients of the retired hospital information system over to the registry. The vendor's
 * reader package is installed only on the migration server, so its types are not here: whatever it
 * returns is `any` to TypeScript, and to APPI Guard, which counts the reads it could not check.
 */
import { type LegacyRow, readLegacyPatients } from '@minato/legacy-his';

/**
 * The names and birth dates on the old cards, for the clerk to match against the registry.
 *
 * @purpose treatment
 */
export async function legacyCards(year: string): Promise<string[]> {
  const rows = await readLegacyPatients(year);
  return rows.map((row: LegacyRow) => `${row.name} (${row.birthDate})`);
}

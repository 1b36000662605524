/**
 * Spring 2026 campaign for the diabetes prevention class (tōnyōbyō yobō kyōshitsu): six Saturday
 * sessions at the centre, with a dietitian and a public health nurse. The events team wanted the
 * invitations to go to the people most likely to benefit, so this module works from the clinic's
 * patient records.
 */
import axios from 'axios';
import type { Patient, PatientId } from '../../../../packages/model/src/index.js';
import { ageOn, cardName, formatAddress } from '../shared/format.js';

const CRM = 'https://crm.example.jp/api/v2/minato-health';

export interface Invitation {
  chartNo: string;
  addressLabel: string;
  letter: string;
}

/**
 * Patients whose latest check-up shows pre-diabetes (HbA1c 5.6–6.4 %).
 *
 * @purpose marketing
 */
export function prediabetesAudience(patients: readonly Patient[]): Patient[] {
  return patients.filter((patient) => {
    const latest = patient['checkups'].at(-1);
    return latest?.hba1c !== undefined && latest.hba1c >= 5.6 && latest.hba1c < 6.5;
  });
}

/**
 * The printed invitation, posted in a window envelope.
 *
 * @purpose marketing
 */
export function invitationLetter({ id, name, address }: Patient, firstSession: string): Invitation {
  return {
    chartNo: id,
    addressLabel: `${formatAddress(address)}\n${name} 様`,
    letter: `${name} 様\n\nThe Minato Health Centre invites you to its diabetes prevention class, starting ${firstSession}.`,
  };
}

/**
 * Everyone turning 40 this month gets a card about their first specific health check-up, and the
 * class.
 *
 * @purpose marketing
 */
export function fortiethBirthdayCard(patient: Patient, today: Date): string | undefined {
  const { name, birthDate } = patient;
  const born = new Date(birthDate);
  if (born.getMonth() !== today.getMonth() || ageOn(birthDate, today) !== 40) return undefined;
  return `${name} 様, happy birthday! From this year your specific health check-up is free.`;
}

/**
 * The confirmation e-mail text after a booking on the web form, which only gives the chart number.
 *
 * @purpose marketing
 */
export function bookingConfirmation(registry: ReadonlyMap<PatientId, Patient>, chartNo: PatientId, session: string): string {
  const name = registry.get(chartNo)?.name ?? 'Participant';
  return `${name} 様: your place at the class on ${session} is booked.`;
}

/**
 * Sends the audience to the CRM, where the events team tracks who was invited and who booked.
 *
 * @purpose marketing
 */
export async function exportToCrm(audience: readonly Patient[]): Promise<number> {
  const byChartNo = new Map(audience.map((patient) => [patient.id, patient]));
  const optedIn = new Set(audience.filter((patient) => patient.newsletterOptIn));
  console.log(`CRM export: ${byChartNo.size} patients, ${optedIn.size} newsletter readers`, audience);
  const results = await Promise.all(
    [...byChartNo.values()].map((patient) => axios.post(`${CRM}/contacts`, patient)),
  );
  return results.length;
}

/**
 * Rows for the events team's spreadsheet, one per invitee, tagged with the campaign.
 *
 * @purpose marketing
 */
export function spreadsheetRows(audience: readonly Patient[]): Record<string, unknown>[] {
  return audience.map((patient) => ({ ...patient, campaign: 'dpp-2026-spring' }));
}

/**
 * Keeps the audience on the events team's browser while they review it, so a reload does not lose it.
 *
 * @purpose marketing
 */
export function saveDraftAudience(audience: readonly Patient[]): void {
  localStorage.setItem('dpp-2026-spring/audience', JSON.stringify(audience));
}

/**
 * The name line of the class's attendance sheet, printed the way the consultation card prints it.
 *
 * @purpose marketing
 */
export function attendanceLine(patient: Patient, session: string): string {
  return `${session}: ${cardName(patient)}`;
}

import { sendSms } from '@minato/sms-gateway';
import { ageInMonths, type Child, type Vaccine, type VaccineDose } from '../../../../packages/model/src/index.js';

/** The routine schedule, simplified: the age in months from which each dose is due. */
const SCHEDULE: readonly { vaccine: Vaccine; dose: number; fromMonths: number }[] = [
  { vaccine: 'Hib', dose: 1, fromMonths: 2 },
  { vaccine: 'PCV15', dose: 1, fromMonths: 2 },
  { vaccine: 'HepB', dose: 1, fromMonths: 2 },
  { vaccine: 'DPT-IPV', dose: 1, fromMonths: 3 },
  { vaccine: 'BCG', dose: 1, fromMonths: 5 },
  { vaccine: 'MR', dose: 1, fromMonths: 12 },
  { vaccine: 'Varicella', dose: 1, fromMonths: 12 },
  { vaccine: 'MR', dose: 2, fromMonths: 60 },
];

/**
 * Records a dose given in the vaccination room.
 *
 * @purpose vaccination
 */
export function recordDose(child: Child, dose: VaccineDose): void {
  if (child.doses.some((given) => given.vaccine === dose.vaccine && given.dose === dose.dose)) {
    throw new Error(`${dose.vaccine} dose ${dose.dose} is already recorded for ${child.name}`);
  }
  child.doses.push(dose);
}

/**
 * Doses due today and not yet given, in schedule order.
 *
 * @purpose vaccination
 */
export function dueDoses(child: Child, today: Date): { vaccine: Vaccine; dose: number }[] {
  const months = ageInMonths(child.birthDate, today);
  return SCHEDULE.filter(
    (entry) => entry.fromMonths <= months && !child.doses.some((given) => given.vaccine === entry.vaccine && given.dose === entry.dose),
  ).map(({ vaccine, dose }) => ({ vaccine, dose }));
}

/** The vaccination record card handed to the guardian after each visit. */
export interface RecordCard {
  name: string;
  birthDate: string;
  photo?: Uint8Array;
  lines: string[];
}

/**
 * Prints the record card. The card carries the child's photo so that other clinics can check who it
 * belongs to.
 *
 * @purpose vaccination
 */
export function recordCard(child: Child): RecordCard {
  return {
    name: child.name,
    birthDate: child.birthDate,
    photo: child.facePhoto,
    lines: child.doses.map((given) => `${given.givenOn}  ${given.vaccine} #${given.dose}  lot ${given.lotNo}`),
  };
}

/**
 * The SMS sent to the guardian in the week a dose becomes due.
 *
 * @purpose reminders
 */
export async function remindGuardian(child: Child, today: Date): Promise<void> {
  const due = dueDoses(child, today);
  if (due.length === 0) return;
  const list = due.map(({ vaccine, dose }) => `${vaccine} (${dose})`).join(', ');
  await sendSms(child.guardianPhone, `Minato Health Centre: ${list} can now be given. Book at 03-0000-0000.`);
}

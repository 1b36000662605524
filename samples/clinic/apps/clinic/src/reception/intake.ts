import pino from 'pino';
import type { Address, InsuranceCard, Patient, PatientId } from '../../../../packages/model/src/index.js';
import { ageOn, cardName } from '../shared/format.js';

const log = pino({ name: 'reception' });

/** The paper intake form (monshinhyō) as the reception clerk keys it in. */
export interface IntakeForm {
  name: string;
  nameKana: string;
  birthDate: string;
  address: Address;
  phone?: string;
  email?: string;
  insurance: InsuranceCard;
  complaint: string;
  newsletterOptIn: boolean;
}

export interface Registration {
  patient: Patient;
  cardLabel: string;
  /** Under-16s are seen in the paediatric room. */
  room: 'paediatrics' | 'general';
}

/**
 * Registers a first-time patient and decides where they wait.
 *
 * @purpose treatment
 */
export function registerPatient(form: IntakeForm, id: PatientId, today: Date): Registration {
  const patient: Patient = {
    id,
    name: form.name,
    nameKana: form.nameKana,
    birthDate: form.birthDate,
    address: form.address,
    insurance: form.insurance,
    diagnoses: [],
    checkups: [],
    visits: [],
    newsletterOptIn: form.newsletterOptIn,
    registeredAt: today.toISOString(),
    ...(form.phone !== undefined && { phone: form.phone }),
    ...(form.email !== undefined && { email: form.email }),
  };
  const room = ageOn(patient.birthDate, today) < 16 ? 'paediatrics' : 'general';
  log.info({ patient, room }, 'patient registered');
  return { patient, cardLabel: cardName(patient), room };
}

/**
 * Finds a returning patient who forgot the consultation card, by name and birth date or by phone.
 *
 * @purpose treatment
 */
export function findReturningPatient(patients: readonly Patient[], query: { name?: string; birthDate?: string; phone?: string }): Patient[] {
  return patients.filter(({ name, birthDate, phone }) =>
    query.phone !== undefined ? phone === query.phone : name === query.name && birthDate === query.birthDate,
  );
}

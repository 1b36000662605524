import type { Patient } from '../../../../packages/model/src/index.js';
import { formatAddress } from '../shared/format.js';

/**
 * A referral letter (shōkaijō) to a hospital, printed and handed to the patient in a sealed envelope.
 *
 * @purpose treatment
 */
export interface ReferralLetter {
  to: { hospital: string; department: string; doctor?: string };
  /** @personal name */
  patientName: string;
  /** @birthDate */
  patientBirthDate: string;
  /** @personal address */
  patientAddress: string;
  /** @specialCare medical */
  clinicalSummary: string;
  /** @specialCare treatment */
  currentMedication: string[];
  reason: string;
  writtenOn: string;
  doctorNo: string;
}

/**
 * Drafts a referral from the chart; the doctor completes the summary and signs.
 *
 * @purpose treatment
 */
export function draftReferral(patient: Patient, to: ReferralLetter['to'], reason: string, doctorNo: string, today: Date): ReferralLetter {
  const lastVisit = patient.visits.at(-1);
  return {
    to,
    patientName: patient.name,
    patientBirthDate: patient.birthDate,
    patientAddress: formatAddress(patient.address),
    clinicalSummary: patient.diagnoses.map((diagnosis) => `${diagnosis.label} (${diagnosis.code})`).join('; '),
    currentMedication: lastVisit ? lastVisit.prescriptions.map((p) => `${p.drug} ${p.dose}`) : [],
    reason,
    writtenOn: today.toISOString().slice(0, 10),
    doctorNo,
  };
}

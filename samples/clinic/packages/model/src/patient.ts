import type { CheckupResult } from './checkup.js';

export type PatientId = string & { readonly __brand: 'PatientId' };

/**
 * A patient of the centre's outpatient clinic, registered at the first visit from the intake form.
 * Kept in the Patient Registry; the billing section reads it to prepare the monthly fee claims.
 *
 * @purpose treatment billing
 * @piFile "Patient Registry"
 */
export interface Patient {
  /** Chart number, printed on the patient's consultation card. */
  id: PatientId;
  /** @personal name */
  name: string;
  /** @personal name (katakana reading) */
  nameKana: string;
  /** @birthDate */
  birthDate: string;
  /** @personal address */
  address: Address;
  /**
   * Only the clinic calls patients (test results, a changed appointment); billing writes.
   * @personal contact
   * @purpose treatment
   */
  phone?: string;
  /**
   * Used by the clinic for changed appointments and "your results are ready" notices.
   * @personal contact
   * @purpose treatment
   */
  email?: string;
  /** @personal insurance card */
  insurance: InsuranceCard;
  /** @specialCare medical-history */
  diagnoses: Diagnosis[];
  /** @specialCare checkup-result */
  checkups: CheckupResult[];
  /** @specialCare treatment */
  visits: Visit[];
  emergencyContact?: EmergencyContact;
  /** The "send me the health newsletter" box on the intake form. */
  newsletterOptIn: boolean;
  registeredAt: string;
}

export interface Address {
  postcode: string;
  prefecture: string;
  city: string;
  line1: string;
  line2?: string;
}

export interface InsuranceCard {
  /** Insurer number (hokensha bangō): 6 digits for National Health Insurance, 8 for the others. */
  insurerNo: string;
  symbol: string;
  number: string;
  /** Co-payment rate in tenths: 3 for most adults, 2 for under-school-age children and 70–74, 1 for 75+. */
  copayTenths: 1 | 2 | 3;
  validUntil?: string;
}

export interface Diagnosis {
  /** ICD-10 code, as the claim needs it. */
  code: string;
  label: string;
  diagnosedOn: string;
  /** Main disease for the claim (shubyō). */
  main: boolean;
  resolvedOn?: string;
}

/** One consultation: what was done and prescribed, with the fee points the claim is built from. */
export interface Visit {
  on: string;
  doctorNo: string;
  notes: string;
  procedures: Procedure[];
  prescriptions: Prescription[];
}

export interface Procedure {
  /** Medical fee schedule code. */
  code: string;
  label: string;
  points: number;
}

export interface Prescription {
  drugCode: string;
  drug: string;
  dose: string;
  days: number;
}

/**
 * Who the clinic calls if the patient cannot be reached in an emergency. Only the clinic uses it, so each
 * field says so itself.
 */
export interface EmergencyContact {
  /** @personal name @purpose treatment */
  name: string;
  /** @personal contact @purpose treatment */
  phone: string;
  relationship: string;
}

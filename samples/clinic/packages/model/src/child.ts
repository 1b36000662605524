export type ChildId = string & { readonly __brand: 'ChildId' };

/**
 * A child enrolled in the ward's routine immunisation programme (Immunization Act), from the enrolment
 * form the guardian returns with the vaccination coupon booklet.
 *
 * The facial photo exists for one thing only: the nurse at the vaccination room compares it with the
 * child in front of her before the injection, so that a dose is never given to the wrong sibling.
 * It is taken at the first visit, and only when the guardian has signed the photo consent form.
 *
 * @purpose vaccination identity-check
 * @piFile "Vaccination Records"
 */
export interface Child {
  id: ChildId;
  /** @personal name */
  name: string;
  /** @birthDate */
  birthDate: string;
  /** @personal name */
  guardianName: string;
  /** @personal contact */
  guardianPhone: string;
  /** @facial @purpose identity-check */
  facePhoto?: Uint8Array;
  /**
   * Ticked when the guardian has signed the photo consent form.
   * @parentalConsent
   */
  guardianConsent?: boolean;
  /** @specialCare treatment @purpose vaccination */
  doses: VaccineDose[];
}

export type Vaccine = 'Hib' | 'PCV15' | 'HepB' | 'Rotavirus' | 'DPT-IPV' | 'BCG' | 'MR' | 'Varicella' | 'JE' | 'HPV';

export interface VaccineDose {
  vaccine: Vaccine;
  /** 1 for the first dose of the series. */
  dose: number;
  givenOn: string;
  lotNo: string;
  nurseNo: string;
}

/** Age in whole months on a given day, which is how the immunisation schedule is written. */
export function ageInMonths(birthDate: string, on: Date): number {
  const born = new Date(birthDate);
  const months = (on.getFullYear() - born.getFullYear()) * 12 + (on.getMonth() - born.getMonth());
  return on.getDate() < born.getDate() ? months - 1 : months;
}

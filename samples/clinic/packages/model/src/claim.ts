/**
 * One monthly medical fee statement (receipt) for one patient, as sent to the insurer's review body.
 * Built from the Patient Registry at the start of each month and kept for five years.
 *
 * @purpose billing
 * @piFile "Medical Fee Claims"
 */
export interface InsuranceClaim {
  claimNo: string;
  /** Treatment month, `YYYY-MM`. */
  month: string;
  insurerNo: string;
  /** @personal insurance card symbol and number */
  insuredNo: string;
  /** @personal name */
  patientName: string;
  /** @birthDate */
  patientBirthDate: string;
  /**
   * ICD-10 codes, the main disease first.
   * @specialCare medical-history
   */
  diagnosisCodes: string[];
  /** @specialCare treatment */
  lines: ClaimLine[];
  totalPoints: number;
  copayYen: number;
  /**
   * The Tokyo medical subsidy for children (the "Maru-nyū" and "Maru-ko" certificates), when it pays the
   * co-payment: printed on the claim so that the review body bills the ward for it.
   * @personal public expense recipient
   */
  publicExpense?: PublicExpense;
}

export interface ClaimLine {
  code: string;
  label: string;
  points: number;
  times: number;
}

/** A public expense scheme (kōhi) that pays part of the claim. */
export interface PublicExpense {
  /** Public payer number (kōhi futansha bangō), 8 digits. */
  payerNo: string;
  /** Recipient number (jukyūsha bangō), 7 digits. */
  recipientNo: string;
}

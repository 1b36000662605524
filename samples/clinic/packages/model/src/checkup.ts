/**
 * One specific health check-up (tokutei kenshin) as returned by the examining laboratory. The values
 * themselves are not tagged here: a check-up is special care-required information wherever it is kept,
 * and the field that keeps it says so (`Patient.checkups`, `StaffMember.annualCheckup`).
 */
export interface CheckupResult {
  takenOn: string;
  heightCm: number;
  weightKg: number;
  waistCm?: number;
  systolicMmHg: number;
  diastolicMmHg: number;
  /** Glycated haemoglobin, NGSP %. */
  hba1c?: number;
  ldlMgDl?: number;
  /** The doctor's overall judgement: A no findings … D needs treatment. */
  judgement: Judgement;
}

export type Judgement = 'A' | 'B' | 'C' | 'D';

/** Body-mass index, rounded to one decimal, as printed on the result sheet. */
export function bmi(result: Pick<CheckupResult, 'heightCm' | 'weightKg'>): number {
  const metres = result.heightCm / 100;
  return Math.round((result.weightKg / (metres * metres)) * 10) / 10;
}

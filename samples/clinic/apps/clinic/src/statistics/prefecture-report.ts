import type { Child, Judgement, Patient, Vaccine } from '../../../../packages/model/src/index.js';
import { ageOn } from '../shared/format.js';

/**
 * The monthly report to the Tokyo Metropolitan Government's Bureau of Public Health: counts only.
 * Cells under 5 are sent as `null` ("fewer than 5"), so that no individual can be picked out.
 */
export interface PrefectureReport {
  month: string;
  consultationsByDiseaseGroup: Cells<string>;
  checkupsByJudgement: Cells<Judgement>;
  checkupsByAgeBand: Cells<string>;
  dosesByVaccine: Cells<Vaccine>;
}

/** Count per category; `null` for a count under 5; no key for none. */
export type Cells<K extends string> = Partial<Record<K, number | null>>;

const SMALL_CELL = 5;

/**
 * Counts the month's consultations, check-ups and vaccinations.
 *
 * @purpose statistics
 * @basis statistics aggregate counts with small cells withheld; nothing that identifies a person leaves the centre
 */
export function monthlyReport(patients: readonly Patient[], children: readonly Child[], month: string): PrefectureReport {
  const consultations = new Map<string, number>();
  const judgements = new Map<Judgement, number>();
  const ageBands = new Map<string, number>();
  for (const patient of patients) {
    if (patient.visits.some((visit) => visit.on.startsWith(month))) {
      for (const diagnosis of patient.diagnoses.filter((d) => d.main)) increment(consultations, diseaseGroup(diagnosis.code));
    }
    for (const checkup of patient.checkups.filter((c) => c.takenOn.startsWith(month))) {
      increment(judgements, checkup.judgement);
      increment(ageBands, ageBand(ageOn(patient.birthDate, new Date(checkup.takenOn))));
    }
  }
  const doses = new Map<Vaccine, number>();
  for (const child of children) {
    for (const given of child.doses.filter((dose) => dose.givenOn.startsWith(month))) increment(doses, given.vaccine);
  }
  return {
    month,
    consultationsByDiseaseGroup: withheld(consultations),
    checkupsByJudgement: withheld(judgements),
    checkupsByAgeBand: withheld(ageBands),
    dosesByVaccine: withheld(doses),
  };
}

/**
 * Sends the report to the metropolitan government's reporting endpoint.
 *
 * @purpose statistics
 */
export async function submitReport(report: PrefectureReport, endpoint: string): Promise<void> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(report),
  });
  if (!response.ok) throw new Error(`the metropolitan endpoint answered ${response.status}`);
  console.log(`report for ${report.month} accepted`, report);
}

/** ICD-10 chapter letter, which is the grouping the metropolitan form asks for. */
function diseaseGroup(code: string): string {
  return code.charAt(0).toUpperCase();
}

function ageBand(age: number): string {
  const low = Math.min(Math.floor(age / 10) * 10, 70);
  return low === 70 ? '70+' : `${low}-${low + 9}`;
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function withheld<K extends string>(counts: ReadonlyMap<K, number>): Cells<K> {
  const cells: Cells<K> = {};
  for (const [key, count] of counts) cells[key] = count < SMALL_CELL ? null : count;
  return cells;
}

/**
 * Yearly export of routine-immunisation coverage by birth cohort, for the Tokyo Metropolitan
 * Government's immunisation survey. Run by the Health Promotion Section in April on a copy of the
 * vaccination records:
 *
 *     node scripts/export-stats.ts vaccination-records.json coverage.csv
 *
 * @file
 * @purpose statistics
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Child, Vaccine } from '../packages/model/src/child.js';

const SERIES: readonly { vaccine: Vaccine; doses: number }[] = [
  { vaccine: 'Hib', doses: 4 },
  { vaccine: 'PCV15', doses: 4 },
  { vaccine: 'DPT-IPV', doses: 4 },
  { vaccine: 'BCG', doses: 1 },
  { vaccine: 'MR', doses: 2 },
];

interface CohortRow {
  cohort: number;
  children: number;
  completed: Record<string, number>;
}

/**
 * Share of each birth cohort that completed each series.
 *
 * @basis statistics coverage rates per birth year; no row describes one child
 */
function coverageByCohort(children: readonly Child[]): CohortRow[] {
  const cohorts = new Map<number, CohortRow>();
  for (const child of children) {
    const cohort = Number(child.birthDate.slice(0, 4));
    const row = cohorts.get(cohort) ?? { cohort, children: 0, completed: {} };
    row.children += 1;
    for (const { vaccine, doses } of SERIES) {
      if (child.doses.filter((given) => given.vaccine === vaccine).length >= doses) row.completed[vaccine] = (row.completed[vaccine] ?? 0) + 1;
    }
    cohorts.set(cohort, row);
  }
  return [...cohorts.values()].sort((a, b) => a.cohort - b.cohort);
}

/** Shows the first records, so whoever runs the export can see that the right file was read. */
function preview(children: readonly Child[]): void {
  console.table(children.slice(0, 5));
}

function toCsv(rows: readonly CohortRow[]): string {
  const header = ['cohort', 'children', ...SERIES.map(({ vaccine }) => `${vaccine} completed`)];
  const lines = rows.map((row) => [row.cohort, row.children, ...SERIES.map(({ vaccine }) => row.completed[vaccine] ?? 0)].join(','));
  return [header.join(','), ...lines].join('\n') + '\n';
}

export async function main(input: string, output: string): Promise<void> {
  const children = JSON.parse(await readFile(input, 'utf8')) as Child[];
  preview(children);
  await writeFile(output, toCsv(coverageByCohort(children)));
}

const [input, output] = process.argv.slice(2);
if (input !== undefined && output !== undefined) await main(input, output);

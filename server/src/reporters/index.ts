import { jsonReport } from './json';
import type { Reporter } from './report';
import { sarifReport } from './sarif';
import { textReport } from './text';

/** The `--format` values, in the order `--help` lists them; the first is the default. */
export const reporters = {
  text: textReport,
  json: jsonReport,
  sarif: sarifReport,
} as const satisfies Record<string, Reporter>;

export type Format = keyof typeof reporters;

export function isFormat(name: string): name is Format {
  return Object.hasOwn(reporters, name);
}

export { isFailing, type Reporter } from './report';

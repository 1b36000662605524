/**
 * Fixtures: one text holding a whole workspace, with inline markers of the expected findings.
 *
 *   //- src/patient.ts              starts a file (path relative to the workspace root)
 *   return p.name;
 *   //       ^^^^ use-beyond-purpose +fix
 *
 * A marker line (`//` in TypeScript, `#` in YAML) points with carets at the columns of the line above it
 * and names the rule; `+fix` says the finding has fixes, `(suppressed)` that a comment suppresses it.
 * For columns a comment cannot reach, `//@1 ^^^ rule` gives the column explicitly.
 * Marker lines are removed before analysis, so offsets are those of the clean text.
 */

export const root = '/ws';

export interface Marker {
  readonly file: string;
  /** 0-based line in the clean text. */
  readonly line: number;
  readonly column: number;
  readonly length: number;
  readonly label: string;
}

export interface Fixture {
  /** Clean file texts by absolute path, in fixture order. */
  readonly files: Map<string, string>;
  readonly markers: readonly Marker[];
}

const markerPattern = /^(\s*)(\/\/|#)(?:@(\d+))?(\s*)(\^+)\s*(.*)$/;

export function parseFixture(source: string): Fixture {
  const files = new Map<string, string>();
  const markers: Marker[] = [];
  const sections = splitFiles(source);
  for (const [path, text] of sections) {
    const clean: string[] = [];
    for (const line of text.split('\n')) {
      const match = markerPattern.exec(line);
      if (match && clean.length > 0) {
        const [, indent, prefix, explicit, gap, carets, label] = match;
        const column = explicit !== undefined ? Number(explicit) : indent!.length + prefix!.length + gap!.length;
        markers.push({ file: path, line: clean.length - 1, column, length: carets!.length, label: label!.trim() });
      } else clean.push(line);
    }
    files.set(path, clean.join('\n'));
  }
  return { files, markers };
}

/** The files with marker lines inserted: the form both the expectation and the result are compared in. */
export function renderFixture(files: ReadonlyMap<string, string>, markers: readonly Marker[]): string {
  const out: string[] = [];
  for (const [path, text] of files) {
    if (files.size > 1 || path !== `${root}/main.ts`) out.push(`//- ${path.slice(root.length + 1)}`);
    const lines = text.split('\n');
    const prefix = path.endsWith('.yaml') || path.endsWith('.yml') ? '#' : '//';
    lines.forEach((line, index) => {
      out.push(line);
      const here = markers
        .filter((m) => m.file === path && m.line === index)
        .sort((a, b) => a.column - b.column || a.label.localeCompare(b.label));
      for (const marker of here) out.push(markerLine(prefix, marker));
    });
  }
  return out.join('\n');
}

function markerLine(prefix: string, marker: Marker): string {
  const carets = '^'.repeat(Math.max(1, marker.length));
  const reach = prefix.length + 1;
  if (marker.column >= reach) return `${' '.repeat(marker.column - reach)}${prefix} ${carets} ${marker.label}`;
  if (marker.column === prefix.length) return `${prefix}${carets} ${marker.label}`;
  return `${prefix}@${marker.column} ${carets} ${marker.label}`;
}

/** Splits at `//- path` lines; each file is dedented on its own, so fixtures can be built from parts. */
function splitFiles(source: string): [string, string][] {
  const header = /^[ \t]*\/\/- (.+)$/gm;
  const headers = [...source.matchAll(header)];
  if (headers.length === 0) return [[`${root}/main.ts`, dedent(source)]];
  return headers.map((match, index) => {
    const bodyStart = match.index! + match[0].length + 1;
    const bodyEnd = headers[index + 1]?.index ?? source.length;
    return [`${root}/${match[1]!.trim()}`, dedent(source.slice(bodyStart, bodyEnd))];
  });
}

/** Template literals in tests are indented with the code; the fixture is not. */
export function dedent(source: string): string {
  const lines = source
    .replace(/^([ \t]*\n)+/, '')
    .replace(/(\n[ \t]*)+$/, '')
    .split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(common)).join('\n');
}

/**
 * A generated file as a list of lines, which knows the 0-based line and character of every finding
 * planted in it: the anchor is found in the very text that is written, so `expected.json` cannot drift
 * from the corpus.
 */
import * as path from 'node:path';

export class SourceFile {
  /** @param {string} file workspace-relative, with `/` */
  constructor(file) {
    this.file = file;
    /** @type {string[]} */
    this.lines = [];
    /** Property accesses written (`a.b`), to report the density. */
    this.accesses = 0;
    /** @type {{ ruleId: string, file: string, line: number, character: number }[]} */
    this.planted = [];
    /** @type {{ ruleId: string, file: string, line: number, character: number }[]} */
    this.suppressed = [];
    /** Places the run must count as not checked, by kind. @type {Record<string, number>} */
    this.unchecked = {};
  }

  /** Counts `count` places of `kind` (`untyped-read`, `unreached-use`) that the run must report as not checked. */
  notChecked(kind, count = 1) {
    this.unchecked[kind] = (this.unchecked[kind] ?? 0) + count;
  }

  /** @param {string} [text] @param {number} [accesses] */
  line(text = '', accesses = 0) {
    this.lines.push(text);
    this.accesses += accesses;
  }

  /**
   * Writes a line holding a planted finding anchored at `needle` (its first occurrence at or after `from`).
   * @param {string} ruleId @param {string} text @param {string} needle
   * @param {{ from?: number, accesses?: number, suppressed?: boolean, also?: string[] }} [options] `also`: other rules
   *   reporting at the same place (a record logged beyond its purpose is also personal data in a log)
   */
  mark(ruleId, text, needle, options = {}) {
    const character = text.indexOf(needle, options.from ?? 0);
    if (character < 0) throw new Error(`generator bug: "${needle}" not in "${text}"`);
    for (const id of [ruleId, ...(options.also ?? [])]) {
      const finding = { ruleId: id, file: this.file, line: this.lines.length, character };
      (options.suppressed && id === ruleId ? this.suppressed : this.planted).push(finding);
    }
    this.line(text, options.accesses ?? 0);
  }

  text() {
    return `${this.lines.join('\n')}\n`;
  }
}

/** The specifier to import `to` from `from` (both workspace-relative `.ts`/`.tsx` paths), ESM style. */
export function importPath(from, to) {
  let relative = path.posix.relative(path.posix.dirname(from), to).replace(/\.tsx?$/, '.js');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return relative;
}

/** `PatientRecord` -> `patient-record` */
export function kebab(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** `PatientRecord` -> `patientRecord` */
export function camel(name) {
  return name[0].toLowerCase() + name.slice(1);
}

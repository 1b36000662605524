#!/usr/bin/env node
/**
 * Type-checks a generated corpus as one program (`noEmit`, the corpus's `tsconfig.base.json` options) and
 * prints every error, except unresolved imports of packages (`axios`, … without `--deps`). Also counts the
 * property accesses per line as TypeScript sees them. Exits 1 on an error.
 *
 *   node bench/typecheck.mjs DIR
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** @param {string} dir @returns {{ errors: string[], files: number, lines: number, accesses: number }} */
/** @public for scripts that check a corpus they generated */
export function typecheckCorpus(dir) {
  const base = JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.base.json'), 'utf8'));
  const { options, errors: optionErrors } = ts.convertCompilerOptionsFromJson(base.compilerOptions, dir);
  if (optionErrors.length) throw new Error(ts.flattenDiagnosticMessageText(optionErrors[0].messageText, '\n'));
  const files = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) files.push(full);
    }
  };
  walk(dir);
  const program = ts.createProgram(files.sort(), { ...options, noEmit: true, composite: false });
  // A package the corpus declares (`--deps`) must resolve; others (`axios` without `--deps`) need not.
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const declared = Object.keys(manifest.dependencies ?? {});
  const errors = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const unresolved = d.code === 2307 && /Cannot find module '([^.'][^']*)'/.exec(text);
    if (
      unresolved &&
      !declared.some(
        (p) =>
          unresolved[1] === p ||
          unresolved[1].startsWith(`${p}/`) ||
          (p.startsWith('@types/') && (unresolved[1] === p.slice(7) || unresolved[1].startsWith(`${p.slice(7)}/`))),
      )
    )
      continue;
    const where = d.file ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    errors.push(`${where} TS${d.code} ${text}`);
  }
  let lines = 0;
  let accesses = 0;
  for (const file of files) {
    const source = program.getSourceFile(file);
    lines += source.getLineStarts().length - 1;
    const visit = (node) => {
      if (ts.isPropertyAccessExpression(node)) accesses++;
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { errors, files: files.length, lines, accesses };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node bench/typecheck.mjs DIR');
    process.exit(2);
  }
  const result = typecheckCorpus(path.resolve(dir));
  for (const error of result.errors.slice(0, 50)) console.log(error);
  console.log(
    `${result.files} files, ${result.lines} lines, ${(result.accesses / result.lines).toFixed(3)} property accesses/line, ${result.errors.length} errors`,
  );
  process.exit(result.errors.length ? 1 : 0);
}

#!/usr/bin/env node
/**
 * What TypeScript alone takes before any analysis can ask it a question: the program of a `tsconfig.json`
 * built (read, parsed, modules resolved) and bound (`getTypeChecker`), then nothing. The benchmark runs it
 * on the reference's config, so that the share of `tsc --noEmit` that building the program takes is known:
 * the cold-CPU floor (0.5× `tsc`) holds the program and the analysis together, and this is the part no
 * analysis can shorten. Comments are parsed as the engine has them parsed (`ParseForTypeErrors`).
 *
 *   node bench/program.mjs TSCONFIG
 */
import ts from 'typescript';

const configPath = process.argv[2];
if (!configPath) {
  process.stderr.write('usage: node bench/program.mjs TSCONFIG\n');
  process.exit(2);
}
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail });
if (!config) process.exit(2);
const host = ts.createCompilerHost(config.options);
host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
program.getTypeChecker();
process.stdout.write(`${program.getSourceFiles().length} files\n`);

function fail(diagnostic) {
  process.stderr.write(`${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}\n`);
  process.exit(2);
}

#!/usr/bin/env node

/**
 * Nearly everything a check allocates is a syntax tree that lives to the end of the run, and with V8's
 * default young generation (semi-spaces of at most 16 MB) a 10,000-file workspace is scavenged some 280
 * times, each time copying trees that survive anyway: about a tenth of the run's CPU time. V8 sizes the
 * young generation only when the process starts, so a command that analyses a workspace in one go
 * starts Node once more with larger semi-spaces and waits for it. The language server (`lsp`) runs where
 * it was started: an editor manages the process it launched, and its runs after the first are small.
 */
const youngGeneration = ['--max-semi-space-size=64', '--min-semi-space-size=16'];
const args = process.argv.slice(2);

if (args[0] === 'lsp' || process.env.APPI_GUARD_RESTARTED === '1') run();
else restart();

function run() {
  require('../out/cli.js')
    .main(args)
    .then((code) => {
      process.exitCode = code;
    });
}

function restart() {
  const { spawn } = require('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, ...youngGeneration, __filename, ...args], {
    stdio: 'inherit',
    env: { ...process.env, APPI_GUARD_RESTARTED: '1' },
  });
  // Ctrl-C reaches both processes; a signal sent to this one alone (a CI job cancelled) is passed on.
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', () => {
    // Node could not be started again (no process slots, say): the check runs here, only slower.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(signal, forward);
    run();
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const each of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(each, forward);
      process.kill(process.pid, signal);
    } else process.exitCode = code ?? 2;
  });
}

/**
 * The tests module the workbench loads into the extension host (`extensionTestsPath`): runs the mocha suites
 * beside it (`*.e2e.js`, names `node --test` leaves alone) with the `run()` contract of
 * `@vscode/test-electron`, so the same suite would run there unchanged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import { reportMarker } from './protocol';

/** @public VS Code's extension host calls it */
export function run(): Promise<void> {
  // Every reporter line goes through `Base.consoleLog`; marked, the runner can tell them from the workbench's logs.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    for (const line of format(...args).split('\n')) console.log(reportMarker + line);
  };
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 120_000 });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.e2e.js'))
    .sort())
    mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
  });
}

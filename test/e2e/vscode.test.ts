/**
 * APPI Guard in a real VS Code: the VS Code server from code-server's npm package with its real Node
 * extension host, the workbench in Debian's Chromium, headless. `@vscode/test-electron` cannot download VS
 * Code on a machine that reaches only the npm registry and Debian, so this runner plays its part; the
 * editor suite (suite/) keeps its `run()` contract. What it needs is installed before the tests, by the
 * set-up step `npm test` runs first (setup.ts); the tests only look for it, and fail when it is missing.
 *
 * 1. The mocha suite in the extension host, with the extension under development (the repository, its
 *    `dist/` bundles): workspace diagnostics equal to the CLI's, a quick fix, a hover.
 * 2. `npm run package` writes a `.vsix` that installs into VS Code; installed from it, the extension counts
 *    the sample's findings in the status bar and lists them in the Problems panel, read in the browser, and
 *    the README's screenshot is taken.
 *
 * The run writes only into temporary folders (and the repository's gitignored `dist/`, which packaging
 * rebuilds): the `.vsix` and the screenshot included, which the run asserts. `npm run screenshot` sets
 * `APPI_GUARD_E2E_SCREENSHOT` to `docs/images/sample-clinic.png` to refresh the README's image from a pass.
 *
 * A failed run keeps its scratch folder (workspace, VS Code's logs, the extension's output) and says where.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { CliFinding } from '../support/cli';
import { openWorkbench } from './runner/browser';
import { type ClinicRun, prepareClinic } from './runner/clinic';
import { runExtensionTests } from './runner/extension-tests';
import { assertOutsideRepository, findInstallation, type Installation, repositoryRoot } from './runner/install';
import { startServer } from './runner/server';
import { installVsix, packageExtension } from './runner/vsix';
import { hoverWord, openProblem, type ProblemRow, readProblemsPanel, waitForProblemCounts } from './runner/workbench-ui';
import { reportMarker } from './suite/protocol';

const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);
let found: Installation | undefined;
/**
 * What the set-up installed, looked up on first use rather than in a hook, so that when the set-up could
 * not install, each test fails with its reason (a failing hook would report them as cancelled).
 */
const installation = (): Installation => (found ??= findInstallation());
/** Where to copy the screenshot after a pass: `npm run screenshot` names the README's image. */
const screenshotTarget = process.env.APPI_GUARD_E2E_SCREENSHOT;

describe('in a real VS Code', { timeout: 20 * 60_000 }, () => {
  before(() => {
    // The extension under development runs from the bundles, which `npm test` builds before the tests.
    assert.ok(fs.existsSync(path.join(repositoryRoot, 'dist', 'extension.js')), 'dist/extension.js is missing: run `npm run bundle`');
  });

  describe('the editor suite, in the extension host, on the sample clinic', () => {
    it('passes: workspace diagnostics the same as the CLI, a quick fix that clears its diagnostic, a hover', async () => {
      const installed = installation();
      await withClinic(async (clinic) => {
        const workbenchLog: string[] = [];
        const result = await runExtensionTests({
          installation: installed,
          scratch: clinic.scratch,
          folder: clinic.folder,
          extensionDevelopmentPath: repositoryRoot,
          extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
          env: clinic.env,
          settings: process.env.APPI_GUARD_E2E_TRACE ? { 'appiGuard.trace.server': 'verbose' } : {},
          timeoutMs: 5 * 60_000,
          onConsole: (text) => {
            // The suite's report as it runs; the rest (the extension's own log among it) only on failure.
            if (text.startsWith(reportMarker)) log(text.slice(reportMarker.length));
            else if (!offlineNoise.test(text)) workbenchLog.push(text);
          },
        });
        log(`the editor suite ran in ${(result.durationMs / 1000).toFixed(1)} s, VS Code's start included`);
        assert.equal(
          result.exitCode,
          0,
          `the editor suite failed (exit code ${result.exitCode}); the workbench logged:\n${workbenchLog.join('\n')}`,
        );
      });
    });
  });

  describe('the packaged extension', () => {
    let output: string;
    before(() => {
      output = fs.mkdtempSync(path.join(os.tmpdir(), 'appi-guard-vsix-'));
    });
    after(() => fs.rmSync(output, { recursive: true, force: true }));
    let packaging: Promise<string> | undefined;
    /**
     * Packaged once, by whichever test asks first, so that neither depends on the other having run (and
     * a failure to package fails both, where a failing hook would report them as cancelled).
     */
    const packaged = () =>
      (packaging ??= (async () => {
        const started = Date.now();
        const vsix = await packageExtension(repositoryRoot, output);
        assertOutsideRepository(vsix);
        assert.ok(fs.existsSync(vsix), `\`npm run package\` wrote no ${vsix}`);
        log(`packaged the .vsix in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return vsix;
      })());

    it('`npm run package` writes a .vsix that installs into VS Code', async () => {
      const { serverMain } = installation();
      const listed = await installVsix(serverMain, await packaged(), fs.mkdtempSync(path.join(output, 'install-')));
      assert.deepEqual(listed, [`appi-guard.appi-guard@${manifest().version}`]);
    });

    it('installed from the .vsix, counts the findings in the status bar, lists them in the Problems panel, hovers one (the README screenshot)', async () => {
      const { serverMain, chromium } = installation();
      const vsix = await packaged();
      await withClinic(async (clinic) => {
        await installVsix(serverMain, vsix, clinic.scratch);
        // The sample has no node_modules: TypeScript's own diagnostics (unresolved imports) would crowd the panel.
        const server = await startServer({ serverMain, scratch: clinic.scratch, settings: { 'typescript.validate.enable': false } });
        try {
          const workbench = await openWorkbench(server, { chromium, scratch: clinic.scratch, folder: clinic.folder });
          try {
            await checkWorkbenchAndTakeScreenshot(workbench.page, clinic);
          } finally {
            await workbench.close();
          }
        } finally {
          await server.stop();
        }
      });
    });
  });
});

async function checkWorkbenchAndTakeScreenshot(page: Page, clinic: ClinicRun): Promise<void> {
  const started = Date.now();
  await waitForProblemCounts(page, countsOf(clinic.findings), 120_000);
  log(`the status bar counted the workspace's findings ${((Date.now() - started) / 1000).toFixed(1)} s after the workbench loaded`);

  const rows = await readProblemsPanel(page);
  const expected = new Set(
    clinic.findings.map((finding) =>
      rowKey({
        file: path.join(clinic.folder, finding.file),
        source: 'appi-guard',
        code: finding.ruleId,
        line: finding.line,
        column: finding.column,
      }),
    ),
  );
  assert.ok(rows.length >= 5, `the Problems panel shows findings: ${JSON.stringify(rows)}`);
  assert.deepEqual(
    rows.map(rowKey).filter((key) => !expected.has(key)),
    [],
    'every row in view is a finding of the command line',
  );

  await openProblem(page, 'invitationLetter');
  // The finding, then APPI Guard's own hover: what the field is, its purposes, its register entry.
  const hover = await hoverWord(page, { line: 'export function invitationLetter', word: 'name' }, 'Declared purposes');
  assert.match(hover, /`invitationLetter` uses it for `marketing`/);
  assert.match(hover, /Declared purposes: treatment and billing/);
  // Into the scratch folder, like everything else the run writes; copied to the README's image only on request.
  const screenshot = path.join(clinic.scratch, 'sample-clinic.png');
  assertOutsideRepository(screenshot);
  await page.screenshot({ path: screenshot });
  if (screenshotTarget) {
    const target = path.resolve(screenshotTarget);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(screenshot, target);
    log(`saved the screenshot as ${path.relative(process.cwd(), target)}`);
  }
}

/**
 * Runs `body` on a fresh copy of the sample clinic. After a pass the copy goes (unless
 * `APPI_GUARD_E2E_KEEP` is set); after a failure it stays, with VS Code's logs and the extension's output,
 * and the log says where.
 */
async function withClinic(body: (clinic: ClinicRun) => Promise<void>): Promise<void> {
  const clinic = await prepareClinic();
  try {
    await body(clinic);
  } catch (error) {
    log(`kept the workspace, VS Code's logs and the extension's output in ${clinic.scratch}`);
    throw error;
  }
  if (!process.env.APPI_GUARD_E2E_KEEP) clinic.dispose();
}

/** What the workbench logs on a machine without internet: failed look-ups, no service worker. */
const offlineNoise = /Failed to load resource|ENOTFOUND|^\s+at |[Ss]ervice [Ww]orker|sandbox attribute/;

function manifest(): { version: string } {
  return JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { version: string };
}

function countsOf(findings: readonly CliFinding[]): { errors: number; warnings: number } {
  return {
    errors: findings.filter((finding) => finding.severity === 'error').length,
    warnings: findings.filter((finding) => finding.severity === 'warning').length,
  };
}

function rowKey(row: ProblemRow): string {
  return `${row.file}:${row.line}:${row.column} ${row.source}(${row.code})`;
}

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { type CliRun, runCli } from '../support/cli';
import { validate } from '../support/sarif-validator';

const repository = path.resolve(__dirname, '../../..');

/** The sample clinic is the CLI's snapshot corpus: every rule firing somewhere and quiet elsewhere. */
const expected = [
  'apps/clinic/src/billing/claims.ts:54 suppression',
  'apps/clinic/src/billing/claims.ts:55 use-beyond-purpose (suppressed)',
  'apps/clinic/src/checkups/booking.entity.ts:14 unregistered-file',
  'apps/clinic/src/marketing/campaign.ts:26 use-beyond-purpose',
  'apps/clinic/src/marketing/campaign.ts:36 use-beyond-purpose',
  'apps/clinic/src/marketing/campaign.ts:36 use-beyond-purpose',
  'apps/clinic/src/marketing/campaign.ts:51 use-beyond-purpose',
  'apps/clinic/src/marketing/campaign.ts:51 use-beyond-purpose',
  'apps/clinic/src/marketing/campaign.ts:63 use-beyond-purpose',
  'apps/clinic/src/marketing/campaign.ts:75 personal-data-in-log',
  'apps/clinic/src/marketing/campaign.ts:75 use-beyond-purpose',
  'apps/clinic/src/marketing/campaign.ts:77 use-beyond-purpose',
  'apps/clinic/src/marketing/campaign.ts:88 use-beyond-purpose',
  'apps/clinic/src/marketing/campaign.ts:97 use-beyond-purpose',
  'apps/clinic/src/marketing/campaign.ts:106 use-beyond-purpose',
  'apps/clinic/src/marketing/newsletter.ts:50 use-beyond-purpose (suppressed)',
  'apps/clinic/src/marketing/newsletter.ts:50 use-beyond-purpose (suppressed)',
  'apps/clinic/src/marketing/newsletter.ts:58 unknown-purpose',
  'apps/clinic/src/reception/enquiries.ts:6 missing-purpose',
  'apps/clinic/src/reception/intake.ts:49 personal-data-in-log',
  'apps/clinic/src/staff/roster.ts:54 my-number-scope',
  'apps/clinic/src/treatment/chart.ts:54 suppression',
  'apps/clinic/src/treatment/referral.ts:17 annotation-invalid',
  'apps/clinic/src/vaccination/enrolment.ts:64 minor-facial-consent',
  'apps/clinic/src/vaccination/photo-desk.ts:60 minor-facial-consent',
  'apps/clinic/src/vaccination/records.ts:58 use-beyond-purpose',
  'apps/clinic/src/vaccination/records.ts:72 use-beyond-purpose',
  'packages/model/src/claim.ts:8 register-mismatch',
  'packages/model/src/staff.ts:48 annotation-invalid',
  'pi-register.yaml:46 register-invalid',
  'pi-register.yaml:68 register-mismatch',
  'pi-register.yaml:110 register-incomplete',
  'scripts/export-stats.ts:49 personal-data-in-log',
  'scripts/export-stats.ts:49 use-beyond-purpose',
];

describe('check: the sample clinic', () => {
  let text: CliRun;
  let json: CliRun;
  const sarif = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'appi-guard-samples-')), 'clinic.sarif');

  before(async () => {
    [text, json] = await Promise.all([
      runCli(['check', 'samples/clinic'], { cwd: repository }),
      runCli(['check', 'samples/clinic', '--format', 'json'], { cwd: repository }),
      runCli(['check', 'samples/clinic', '--format', 'sarif', '--output', sarif], { cwd: repository }),
    ]);
  });

  it('finds exactly the planted findings (rule, file, line)', () => {
    const report = JSON.parse(json.stdout) as { findings: { file: string; line: number; ruleId: string; suppressed?: unknown }[] };
    assert.deepEqual(
      report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}${f.suppressed ? ' (suppressed)' : ''}`),
      expected,
    );
  });

  it('exits 1 for its errors, prints one line per unsuppressed finding, the summary and what was not checked, and notes nothing', () => {
    assert.equal(text.status, 1);
    assert.equal(json.status, 1);
    const [findings, summary, notChecked] = text.stdout.split('\n\n');
    assert.equal(findings!.split('\n').length, expected.filter((line) => !line.endsWith('(suppressed)')).length);
    assert.equal(summary, '22 errors, 9 warnings in 29 files (3 suppressed)');
    // The sample has no node_modules: its packages are not installed, and its script has no Node types.
    assert.equal(
      notChecked!.split('\n').slice(0, 2).join('\n'),
      [
        'Not checked: 14 places (each one in --format json):',
        "  2 reads of a tagged field's name on a value typed `any`, an error type or an unresolved import",
      ].join('\n'),
    );
    assert.equal(text.stderr, '');
  });

  it('writes SARIF that the SARIF validator and GitHub code scanning rules accept', async () => {
    assert.deepEqual((await validate([sarif])).get(sarif), []);
  });
});

describe('check: the sample clinic as a business', () => {
  it('reports special care-required data collected without the consent box only where no check guards it', async () => {
    // The same code, with the register saying it is a business's: Art. 20(2) applies to it.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'appi-guard-business-'));
    fs.cpSync(path.join(repository, 'samples/clinic'), root, { recursive: true });
    const register = path.join(root, 'pi-register.yaml');
    fs.writeFileSync(register, fs.readFileSync(register, 'utf8').replace('sector: administrative-organ', 'sector: business'));
    const run = await runCli(['check', root, '--format', 'json']);
    const findings = (
      JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; range: { start: { line: number } } }[] }
    ).findings
      .filter((finding) => finding.ruleId === 'special-care-consent' && finding.file.endsWith('reception/anamnesis.ts'))
      .map((finding) => finding.range.start.line + 1);
    assert.deepEqual(findings, [39]);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

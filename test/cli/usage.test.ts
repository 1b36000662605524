import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, serverDirectory, tidy, workspace } from '../support/cli';

const version = (JSON.parse(fs.readFileSync(path.join(serverDirectory, 'package.json'), 'utf8')) as { version: string }).version;
const hint = "Run 'appi-guard --help' for usage.\n";

describe('usage', { concurrency: true }, () => {
  it('--help prints the usage and exits 0', async () => {
    const run = await runCli(['--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: appi-guard check \[DIR\]/);
    for (const option of ['--format', '--register', '--output', '--strict', '--exit-zero', '--version', 'appi-guard lsp [--stdio]'])
      assert.ok(run.stdout.includes(option), option);
    assert.equal(run.stderr, '');
  });

  it('--timings prints the time of each phase and rule on stderr, after the report', async () => {
    const run = await runCli(['check', workspace(tidy), '--timings', '--format', 'json']);
    assert.equal(run.status, 0);
    assert.doesNotThrow(() => JSON.parse(run.stdout));
    const phases = run.stderr
      .split('\n')
      .filter(Boolean)
      .map((line) => /^timing (.+): [\d.]+ ms$/.exec(line)?.[1]);
    assert.ok(
      phases.every((phase) => phase !== undefined),
      run.stderr,
    );
    for (const phase of ['program (parse, bind, update)', 'annotations', 'reporting', 'rule use-beyond-purpose', 'total'])
      assert.ok(phases.includes(phase), phase);
  });

  it('--version prints the package version and exits 0', async () => {
    assert.deepEqual(await runCli(['--version']), { status: 0, stdout: `${version}\n`, stderr: '' });
  });
});

/** Each case: arguments, and the one line of reason that precedes the hint on stderr. */
const cannotRun: ReadonlyArray<{ readonly name: string; readonly args: (root: string) => string[]; readonly reason: RegExp }> = [
  { name: 'no command', args: () => [], reason: /^no command given: to check the current directory, run `appi-guard check`$/ },
  { name: 'an unknown option', args: (root) => ['check', root, '--frobnicate'], reason: /^unknown option '--frobnicate'$/ },
  {
    name: 'an unknown format',
    args: (root) => ['check', root, '--format', 'xml'],
    reason: /^unknown format 'xml': use one of text, json, sarif$/,
  },
  {
    name: 'a missing DIR',
    args: (root) => ['check', path.join(root, 'nowhere')],
    reason: /^cannot read directory '.*nowhere': no such file or directory$/,
  },
  { name: 'lsp with arguments', args: (root) => ['lsp', root], reason: /^lsp takes no arguments, got '.*'$/ },
  {
    name: 'lsp with a check option',
    args: () => ['lsp', '--format', 'json'],
    reason: /^--format does not apply to `appi-guard lsp`: the editor sends settings$/,
  },
  { name: '--stdio outside lsp', args: (root) => ['check', root, '--stdio'], reason: /^--stdio belongs to `appi-guard lsp`$/ },
  { name: '--sinks that is not JSON', args: (root) => ['check', root, '--sinks', 'log=pino'], reason: /^--sinks takes JSON, such as/ },
  {
    name: '--sinks with an unknown kind',
    args: (root) => ['check', root, '--sinks', '{"logs": ["pino"]}'],
    reason: /^--sinks: "logs" is not one of log, network, storage, messaging, analytics, serialisation, inProcess$/,
  },
  {
    name: 'a missing --register file',
    args: (root) => ['check', root, '--register', path.join(root, 'absent.yaml')],
    reason: /^cannot read register '.*absent\.yaml': no such file or directory$/,
  },
];

describe('could not run: exit 2, one line of reason and a hint, no stack trace, no report', { concurrency: true }, () => {
  const root = workspace(tidy);
  for (const { name, args, reason } of cannotRun) {
    it(name, async () => {
      const run = await runCli(args(root));
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      const [first, ...rest] = run.stderr.split(/(?<=\n)/);
      assert.match(first!, /^appi-guard: [^\n]+\n$/);
      assert.match(first!.slice('appi-guard: '.length, -1), reason);
      assert.deepEqual(rest, [hint]);
    });
  }
});

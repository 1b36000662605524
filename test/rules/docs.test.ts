/**
 * Every rule page's examples run: each "Failing" example must be reported by the page's rule and each
 * "Passing" one must not, at exactly the places its marker lines show, and every example must be code
 * that compiles. The convention is described at the top of docs/rules/README.md.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { citationsFor, provisions } from 'appi-guard-server/base/provisions';
import { parseRegister } from 'appi-guard-server/register/parse';
import { rules } from 'appi-guard-server/rules/index';
import { analyse, assertKnownRules, markerOf } from '../support/check';
import { examplesOf } from '../support/doc-examples';
import { type Marker, parseFixture, renderFixture, root } from '../support/fixture';

const docs = path.resolve(__dirname, '../../../docs/rules');
const citationKeys = Object.keys(provisions) as (keyof typeof provisions)[];
/**
 * Rules whose messages say what is wrong with the form of the register or of an annotation, which their
 * pages relate to the law; every other rule's messages cite its provision.
 */
const aboutForm = new Set(['register-invalid', 'annotation-invalid']);
const yamlErrors = 'pi-register.yaml: the register has YAML errors: purpose ids are not checked against it until they are fixed';

/**
 * A marker as the pages write it: the rule id, and `(suppressed)` where a comment suppresses the finding.
 * Whether it has fixes is left out (each page has a section on its quick fixes), and so is any prose after
 * the id (`^^^^ use-beyond-purpose: not declared for marketing`), which is for the reader.
 */
const shown = (marker: Marker): Marker => ({
  ...marker,
  label: `${/^[a-z-]+/.exec(marker.label)?.[0] ?? marker.label}${/\(suppressed\)/.test(marker.label) ? ' (suppressed)' : ''}`,
});

describe('rule docs: the examples run', () => {
  for (const { meta } of rules) {
    const page = `${meta.id}.md`;
    const examples = examplesOf(fs.readFileSync(path.join(docs, page), 'utf8'));

    it(`${meta.id}: states the provision its messages cite, from the one table of provisions`, () => {
      const text = fs.readFileSync(path.join(docs, page), 'utf8');
      if (meta.provision === undefined || !meta.provision.includes('Art.')) return;
      assert.ok(
        citationKeys.some((key) => provisions[key] === meta.provision),
        `${meta.id}'s provision is one of base/provisions.ts`,
      );
      assert.ok(text.includes(`| Provision | ${meta.provision} |`), `${page} states the provision: ${meta.provision}`);
    });

    it(`${meta.id}: has a failing and a passing example`, () => {
      assert.ok(
        examples.some((example) => example.kind === 'Failing'),
        `${page} has no "### Failing" example under "## Examples"`,
      );
      assert.ok(
        examples.some((example) => example.kind === 'Passing'),
        `${page} has no "### Passing" example under "## Examples"`,
      );
    });

    for (const example of examples) {
      it(`${meta.id}: the ${example.kind.toLowerCase()} example at line ${example.line} ${example.kind === 'Failing' ? 'is reported' : 'is not reported'}, where its markers say`, async () => {
        const fixture = parseFixture(example.fixture);
        const expected = fixture.markers.map(shown);
        assertKnownRules(expected);
        const ofRule = expected.filter((marker) => marker.label.split(' ')[0] === meta.id);
        if (example.kind === 'Failing')
          assert.ok(ofRule.length > 0, `a failing example shows where ${meta.id} reports it (a marker line under the code)`);
        else assert.deepEqual(ofRule, [], `a passing example has no ${meta.id} finding`);
        // A register with YAML errors also gives a notice that purpose ids are not checked against it.
        const register = fixture.files.get(`${root}/pi-register.yaml`);
        const notices = register !== undefined && parseRegister(register).broken ? [yamlErrors] : [];
        // A rule that is off by default runs on its own page, as a user who turns it on sees it.
        const severities = meta.defaultSeverity === 'off' ? { [meta.id]: 'info' as const } : undefined;
        const { workspace, result } = await analyse(example.fixture, { notices, ...(severities && { severities }) });
        const actual = result.findings.map((finding) => shown(markerOf(finding, workspace)));
        assert.equal(renderFixture(fixture.files, actual), renderFixture(fixture.files, expected));
        // Each message cites what the page cites, in the form the register's sector asks for.
        const key = citationKeys.find((each) => provisions[each] === meta.provision);
        const sector = register === undefined ? undefined : parseRegister(register).sector?.value;
        for (const finding of result.findings.filter((each) => each.ruleId === meta.id && key !== undefined && !aboutForm.has(meta.id)))
          assert.ok(finding.message.includes(citationsFor(sector)[key!]), `${finding.message}\ncites ${citationsFor(sector)[key!]}`);
      });
    }
  }
});

describe('rule docs: reading examples', () => {
  it('shares the blocks before the headings, joins blocks of one file, and starts a new example at a file already written', () => {
    const page = [
      '# `x`',
      '## Examples',
      '```ts',
      'export interface A { a: string }',
      '```',
      '### Failing',
      '```ts',
      'export const one = 1;',
      '```',
      '```yaml file=other.yaml',
      'a: 1',
      '```',
      '```ts',
      'export const two = 2;',
      '```',
      '### Passing',
      '```yaml',
      'organization: Centre',
      '```',
      '## Quick fixes',
      '```ts',
      'not an example',
      '```',
    ].join('\n');
    assert.deepEqual(examplesOf(page), [
      {
        kind: 'Failing',
        line: 7,
        fixture: '//- src/example.ts\nexport interface A { a: string }\n\nexport const one = 1;\n//- other.yaml\na: 1',
      },
      { kind: 'Failing', line: 13, fixture: '//- src/example.ts\nexport interface A { a: string }\n\nexport const two = 2;' },
      {
        kind: 'Passing',
        line: 17,
        fixture: '//- src/example.ts\nexport interface A { a: string }\n//- pi-register.yaml\norganization: Centre',
      },
    ]);
  });

  it('finds no examples in a page without an Examples section', () => {
    assert.deepEqual(examplesOf('# `x`\n\n## What counts\n\n```ts\nexport {};\n```\n'), []);
  });
});

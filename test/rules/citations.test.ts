/**
 * What findings cite (SPEC §1, §4 "Provisions by sector"): the articles of the register's `sector` only —
 * Chapter IV for a business, Chapter V and the former Act No. 58 of 2003 article for an administrative
 * organ — and both without one; and the 2026 amendment as the act it is, never as a bill.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyse } from '../support/check';

const repository = path.resolve(__dirname, '../../..');

const code = `
  //- model.ts
  /** @purpose treatment */
  export interface Patient { /** @personal name */ name: string }
  //- app.ts
  import type { Patient } from './model';
  /** @purpose marketing */
  export const letter = (p: Patient) => p.name;
`;

const register = (sector: string) => `
  //- pi-register.yaml
  organization: Minato Ward Health Centre
  ${sector}
  purposes:
    - id: treatment
      description: Treatment
    - id: marketing
      description: Marketing
`;

async function messages(sector: string): Promise<string[]> {
  const { result } = await analyse(`${code}${register(sector)}`);
  return result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
}

describe('citations by sector', () => {
  it("cites Chapter IV's article for a business, Chapter V's with the former one for an organ, both without a sector", async () => {
    const [business] = await messages('sector: business');
    assert.match(business!, /use-beyond-purpose: .*\(APPI Art\. 18\(1\)\)\.$/);
    const [organ] = await messages('sector: administrative-organ');
    assert.match(
      organ!,
      /use-beyond-purpose: .*\(APPI Art\. 61\(2\) and 69\(1\) \(formerly Act No\. 58 of 2003 Art\. 3\(2\) and 8\(1\)\)\)\.$/,
    );
    const [both] = await messages('');
    assert.match(
      both!,
      /use-beyond-purpose: .*\(APPI Art\. 18\(1\); for administrative organs Art\. 61\(2\) and 69\(1\) \(formerly Act No\. 58 of 2003 Art\. 3\(2\) and 8\(1\)\)\)\.$/,
    );
  });

  it("keeps a file's findings across a register edit that leaves the sector, and cites again when it changes", async () => {
    const { workspace } = await analyse(`
      //- model.ts
      /** @purpose treatment */
      export interface Patient { /** @personal name */ name: string }
      //- log.ts
      import type { Patient } from './model';
      export const trace = (p: Patient) => console.log(p.name);
      ${register('sector: business')}`);
    const before = workspace.analyseFile('/ws/log.ts');
    assert.match(before.findings[0]!.message, /\(APPI Art\. 23\)\.$/);
    const text = workspace.text('/ws/pi-register.yaml')!;
    workspace.applyChange({
      kind: 'open',
      file: '/ws/pi-register.yaml',
      text: text.replace('description: Marketing', 'description: The newsletter'),
    });
    assert.equal(workspace.analyseFile('/ws/log.ts'), before, 'the same result, kept');
    workspace.applyChange({
      kind: 'edit',
      file: '/ws/pi-register.yaml',
      text: text.replace('sector: business', 'sector: administrative-organ'),
    });
    const after = workspace.analyseFile('/ws/log.ts');
    assert.match(after.findings[0]!.message, /\(APPI Art\. 66\(1\) \(formerly Act No\. 58 of 2003 Art\. 6\(1\)\)\)\.$/);
  });

  it('rejects an unknown sector, with the closest one', async () => {
    const { result } = await analyse(`${code}${register('sector: buisness')}`);
    const invalid = result.findings.find((finding) => finding.ruleId === 'register-invalid');
    assert.ok(invalid, 'a register-invalid finding');
    assert.equal(invalid.range.start.line, 1);
    assert.match(
      invalid.message,
      /`sector` must be `administrative-organ` \(APPI Chapter V\) or `business` \(Chapter IV\)\. Did you mean `business`\?/,
    );
  });
});

describe('the 2026 amendment', () => {
  /** The product's own words: its README, docs, the sample's README and the server's sources. */
  function texts(): { file: string; text: string }[] {
    const files = [
      'README.md',
      'samples/clinic/README.md',
      ...fs.readdirSync(path.join(repository, 'docs'), { recursive: true, encoding: 'utf8' }).map((file) => `docs/${file}`),
      ...fs.readdirSync(path.join(repository, 'server/src'), { recursive: true, encoding: 'utf8' }).map((file) => `server/src/${file}`),
    ].filter((file) => /\.(md|ts)$/.test(file));
    return files.map((file) => ({ file, text: fs.readFileSync(path.join(repository, file), 'utf8') }));
  }

  it('is never called a bill, in the README, the docs, the sample or any message', () => {
    for (const { file, text } of texts()) {
      const line = text.split('\n').findIndex((each) => /\bbills?\b/i.test(each));
      assert.equal(line, -1, `${file}:${line + 1} calls something a bill`);
    }
  });

  it('is named by its number wherever it is mentioned', () => {
    for (const { file, text } of texts()) {
      for (const match of text.matchAll(/2026 (?:APPI )?amendment/g)) {
        const around = text.slice(match.index, match.index + 120).replace(/\s+/g, ' ');
        assert.match(around, /Act No\. 56 of 2026/, `${file}: "${around}"`);
      }
    }
  });
});

/**
 * A rule and a query are written outside the engine and handed to a Workspace: the engine runs the query
 * once per file for every rule that asks, keeps the answer across edits that cannot change it, computes it
 * again after those that can, and refuses a read the query did not declare.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileQuery } from 'appi-guard-server/engine/query';
import type { Rule } from 'appi-guard-server/engine/rule';
import { Workspace } from 'appi-guard-server/engine/workspace';
import { rules as productRules } from 'appi-guard-server/rules/index';
import { parseFixture, root } from '../support/fixture';
import { MemoryHost } from '../support/memory-host';

const files = `
  //- tsconfig.json
  { "compilerOptions": { "strict": true }, "include": ["**/*.ts"] }
  //- model.ts
  export interface Patient { name: string }
  //- uses-model.ts
  import type { Patient } from './model';
  export const nameOf = (p: Patient) => p.name;
  //- alone.ts
  export const two = 2;
  //- pi-register.yaml
  organization: Minato Ward
`;

/** Counts its computations per file, so a test can tell a kept answer from a new one. */
function countingQuery(
  reads: FileQuery<number>['reads'],
  compute: FileQuery<number>['compute'] = (input) => input.program().getSourceFile(input.file)!.statements.length,
) {
  const computed: string[] = [];
  const query: FileQuery<number> = {
    name: 'statements',
    reads,
    compute: (input) => {
      computed.push(input.file.slice(root.length + 1));
      return compute(input);
    },
  };
  return { query, computed };
}

/** A rule that reports, at the start of each file, what the query answered and what the register says. */
function reportingRule(id: string, query: FileQuery<number>, options: { register?: boolean } = {}): Rule {
  return {
    meta: { id, description: `Reports what ${query.name} answers.`, defaultSeverity: 'info', fixable: false },
    checkSource(context) {
      const organization = options.register ? ` in ${context.register?.organization?.value}` : '';
      context.report({ span: { start: 0, end: 0 }, message: `${context.query(query)} statements${organization}` });
    },
  };
}

function workspaceOf(rules: readonly Rule[]) {
  const host = new MemoryHost(Object.fromEntries(parseFixture(files).files));
  return new Workspace({ root, host, rules, edits: true });
}

const messages = async (workspace: Workspace, rule: string) =>
  Object.fromEntries(
    (await workspace.analyseWorkspace()).findings.filter((f) => f.ruleId === rule).map((f) => [f.file.slice(root.length + 1), f.message]),
  );

describe('a rule and a query from outside the engine', () => {
  it('are run by the engine, the query once per file however many rules ask it', async () => {
    const { query, computed } = countingQuery({ types: true });
    const workspace = workspaceOf([reportingRule('first', query), reportingRule('second', query)]);
    assert.deepEqual(await messages(workspace, 'second'), {
      'model.ts': '1 statements',
      'uses-model.ts': '2 statements',
      'alone.ts': '1 statements',
    });
    assert.deepEqual(computed.sort(), ['alone.ts', 'model.ts', 'uses-model.ts']);
  });

  it('keep an answer that read no register across a register edit, while the rule that read it runs again', async () => {
    const { query, computed } = countingQuery({ types: true });
    const workspace = workspaceOf([reportingRule('reader', query, { register: true })]);
    await workspace.analyseWorkspace();
    computed.length = 0;
    workspace.applyChange({ kind: 'edit', file: `${root}/pi-register.yaml`, text: 'organization: Shiba Clinic\n' });
    assert.deepEqual(await messages(workspace, 'reader'), {
      'model.ts': '1 statements in Shiba Clinic',
      'uses-model.ts': '2 statements in Shiba Clinic',
      'alone.ts': '1 statements in Shiba Clinic',
    });
    assert.deepEqual(computed, []);
  });

  it('compute again the answers that read the types of an edited file, and only those', async () => {
    const { query, computed } = countingQuery({ types: true });
    const workspace = workspaceOf([reportingRule('reader', query)]);
    await workspace.analyseWorkspace();
    computed.length = 0;
    workspace.applyChange({
      kind: 'edit',
      file: `${root}/model.ts`,
      text: 'export interface Patient { name: string }\nexport const one = 1;\n',
    });
    assert.deepEqual(await messages(workspace, 'reader'), {
      'model.ts': '2 statements',
      'uses-model.ts': '2 statements',
      'alone.ts': '1 statements',
    });
    assert.deepEqual(computed.sort(), ['model.ts', 'uses-model.ts']);
  });

  it('compute again the answers that asked how a file is called after an edit to its caller', async () => {
    const { query, computed } = countingQuery({ types: true, callers: true }, (input) => {
      if (input.file.endsWith('model.ts') && !input.file.endsWith('uses-model.ts')) input.guards();
      return 0;
    });
    const workspace = workspaceOf([reportingRule('reader', query)]);
    await workspace.analyseWorkspace();
    computed.length = 0;
    workspace.applyChange({
      kind: 'edit',
      file: `${root}/uses-model.ts`,
      text: "import type { Patient } from './model';\nexport const nameOf = (p: Patient) => p.name.trim();\n",
    });
    await workspace.analyseWorkspace();
    // model.ts asked for its callers and uses-model.ts imports it; alone.ts asked nothing and imports nothing edited.
    assert.deepEqual(computed.sort(), ['model.ts', 'uses-model.ts']);
  });

  it('refuse a read the query did not declare, which loses that rule’s findings for the file with a notice', async () => {
    const { query } = countingQuery({}, (input) => input.program().getSourceFile(input.file)!.statements.length);
    const result = await workspaceOf([reportingRule('undeclared', query)]).analyseWorkspace();
    assert.deepEqual(result.findings, []);
    assert.ok(
      result.notices.some((notice) => notice.message === 'rule undeclared failed: query statements reads types without declaring it'),
      result.notices.map((notice) => notice.message).join('\n'),
    );
  });
});

describe('the product’s rules', () => {
  it('read the register only in files that name a purpose or declare a Personal Information File', async () => {
    const host = new MemoryHost(
      Object.fromEntries(
        parseFixture(`
          //- tsconfig.json
          { "compilerOptions": { "strict": true }, "include": ["**/*.ts"] }
          //- patient.ts
          /** @purpose treatment @piFile "Patient Registry" */
          export interface Patient { /** @personal name */ name: string }
          //- plain.ts
          export const nameOf = (p: { name: string }) => p.name;
          //- pi-register.yaml
          organization: Minato Ward
        `).files,
      ),
    );
    const workspace = new Workspace({ root, host, rules: productRules, edits: true });
    await workspace.analyseWorkspace();
    const [plain, patient] = [workspace.analyseFile(`${root}/plain.ts`), workspace.analyseFile(`${root}/patient.ts`)];
    workspace.applyChange({ kind: 'edit', file: `${root}/pi-register.yaml`, text: 'organization: Shiba Clinic\n' });
    assert.equal(workspace.analyseFile(`${root}/plain.ts`), plain, 'the file that reads no register keeps its result');
    assert.notEqual(workspace.analyseFile(`${root}/patient.ts`), patient, 'the file whose schema the register lists is checked again');
  });
});

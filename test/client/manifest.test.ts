import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { serverCommands } from 'appi-guard-server/lsp/commands';
import { rules } from 'appi-guard-server/rules/index';
import { repository } from './bundle';

interface Setting {
  readonly type?: string;
  readonly scope?: string;
  readonly default?: unknown;
  readonly enum?: readonly string[];
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly properties?: Readonly<Record<string, Setting>>;
  readonly additionalProperties?: boolean;
}

interface Manifest {
  readonly main: string;
  readonly engines: { readonly vscode: string };
  readonly activationEvents: readonly string[];
  readonly capabilities: {
    readonly untrustedWorkspaces: {
      readonly supported: boolean | 'limited';
      readonly restrictedConfigurations?: readonly string[];
      readonly description?: string;
    };
    readonly virtualWorkspaces: boolean | { readonly supported: boolean };
  };
  readonly contributes: {
    readonly configuration: { readonly properties: Readonly<Record<string, Setting>> };
    readonly commands: readonly { readonly command: string; readonly title: string; readonly category?: string }[];
  };
}

const read = (file: string) => fs.readFileSync(path.join(repository, file), 'utf8');
const manifest = JSON.parse(read('package.json')) as Manifest;
const settings = manifest.contributes.configuration.properties;

/** The ids the client registers itself: `registerCommand(<const>` in extension.ts, with the constants of commands.ts. */
function clientCommands(): string[] {
  const constants = new Map(
    [...read('client/src/commands.ts').matchAll(/export const (\w+) = '([^']+)'/g)].map((match) => [match[1]!, match[2]!]),
  );
  return [...read('client/src/extension.ts').matchAll(/registerCommand\((\w+)/g)].map((match) => {
    const id = constants.get(match[1]!);
    assert.ok(id, `${match[1]} is not a command id from client/src/commands.ts`);
    return id;
  });
}

describe('the extension manifest', () => {
  it('gives every setting a type, a scope and a description', () => {
    for (const [name, setting] of Object.entries(settings)) {
      assert.ok(name.startsWith('appiGuard.'), name);
      assert.ok(setting.type, `${name}: type`);
      assert.ok(setting.description ?? setting.markdownDescription, `${name}: description`);
      assert.equal(setting.scope, name === 'appiGuard.trace.server' ? 'window' : 'resource', `${name}: scope`);
    }
    assert.deepEqual(Object.keys(settings).sort(), [
      'appiGuard.baselinePath',
      'appiGuard.baselinedFindings',
      'appiGuard.enable',
      'appiGuard.registerPath',
      'appiGuard.rules',
      'appiGuard.sinks',
      'appiGuard.trace.server',
    ]);
    assert.deepEqual(settings['appiGuard.trace.server']!.enum, ['off', 'messages', 'verbose']);
  });

  it('has a severity setting for every rule, defaulting to the rule’s own, and for no other', () => {
    const setting = settings['appiGuard.rules']!;
    assert.equal(setting.additionalProperties, false);
    assert.deepEqual(Object.keys(setting.properties ?? {}).sort(), rules.map((rule) => rule.meta.id).sort());
    for (const { meta } of rules) {
      const level = setting.properties![meta.id]!;
      assert.deepEqual(level.enum, ['error', 'warning', 'info', 'hint', 'off'], meta.id);
      assert.equal(level.default, meta.defaultSeverity, meta.id);
      assert.equal((setting.default as Record<string, string>)[meta.id], meta.defaultSeverity, meta.id);
      assert.ok(level.description ?? level.markdownDescription, `${meta.id}: description`);
    }
  });

  it('has a handler for every command: the client’s, or the server’s (never both)', () => {
    const client = clientCommands();
    assert.deepEqual(
      client.filter((id) => serverCommands.includes(id)),
      [],
      'the client library registers the server’s commands; registering one twice fails',
    );
    for (const { command, title, category } of manifest.contributes.commands) {
      assert.ok(client.includes(command) || serverCommands.includes(command), `${command} has no handler`);
      assert.equal(category, 'APPI Guard', command);
      assert.ok(title, command);
    }
    for (const id of ['appiGuard.restartServer', 'appiGuard.showOutput', 'appiGuard.reanalyseWorkspace', 'appiGuard.createRegister']) {
      assert.ok(
        manifest.contributes.commands.some((command) => command.command === id),
        `${id} is contributed`,
      );
    }
  });

  it('starts the bundle, on TypeScript files, on a register and on a Prisma schema', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.deepEqual(manifest.activationEvents, [
      'onLanguage:typescript',
      'onLanguage:typescriptreact',
      'workspaceContains:pi-register.yaml',
      'workspaceContains:**/schema.prisma',
    ]);
  });

  it('asks for a VS Code the language client supports', () => {
    // Read from node_modules: neither package exports its package.json.
    const client = JSON.parse(read('node_modules/vscode-languageclient/package.json')) as { engines: { vscode: string } };
    const types = JSON.parse(read('node_modules/@types/vscode/package.json')) as { version: string };
    const minimum = (range: string) =>
      range
        .replace(/^[\^~>=]+/, '')
        .split('.')
        .map(Number);
    const atLeast = (a: number[], b: number[]) => a[0]! > b[0]! || (a[0] === b[0] && (a[1]! > b[1]! || (a[1] === b[1] && a[2]! >= b[2]!)));
    assert.ok(
      atLeast(minimum(manifest.engines.vscode), minimum(client.engines.vscode)),
      `engines.vscode ${manifest.engines.vscode} < vscode-languageclient's ${client.engines.vscode}`,
    );
    assert.ok(
      atLeast(minimum(manifest.engines.vscode), minimum(types.version)),
      `engines.vscode ${manifest.engines.vscode} < @types/vscode ${types.version}`,
    );
  });

  it('runs in untrusted workspaces, where a workspace cannot choose the register or baseline path, and not in virtual ones', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.deepEqual(untrusted.restrictedConfigurations, ['appiGuard.registerPath', 'appiGuard.baselinePath']);
    assert.ok(untrusted.description);
    const virtual = manifest.capabilities.virtualWorkspaces;
    assert.equal(typeof virtual === 'boolean' ? virtual : virtual.supported, false);
  });
});

describe('the sinks setting', () => {
  it('has a list for every kind the engine reads, and no other', async () => {
    const { sinkSettingKeys } = await import('appi-guard-server/engine/queries/sinks');
    assert.deepEqual(Object.keys(settings['appiGuard.sinks']!.properties ?? {}).sort(), [...sinkSettingKeys].sort());
  });
});

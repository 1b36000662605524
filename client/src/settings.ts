import { Uri, workspace } from 'vscode';
import type { ConfigurationRequest } from 'vscode-languageclient/node';

/** The settings section, and the language client's id (so the library reads `appiGuard.trace.server`). */
export const section = 'appiGuard';

type Level = 'error' | 'warning' | 'info' | 'hint' | 'off';

/**
 * The `appiGuard` settings of one resource, as the server reads them (server/src/lsp/settings.ts); the
 * package.json `contributes.configuration` declares the same. `trace.server` is the client library's.
 */
interface Settings {
  readonly enable: boolean;
  readonly registerPath: string;
  readonly rules: Readonly<Record<string, Level>>;
  readonly sinks: Readonly<Record<string, readonly string[]>>;
  readonly baselinePath: string;
  readonly baselinedFindings: 'hint' | 'hide';
}

/**
 * Reads the settings for a resource (a workspace folder, as the server asks), so each folder's
 * `.vscode/settings.json` applies. Read afresh on every request: the server caches them until it is told
 * that they changed. In an untrusted workspace VS Code itself leaves out the workspace's `registerPath` and
 * `baselinePath` (`restrictedConfigurations` in package.json).
 */
function readSettings(scope: Uri | undefined): Settings {
  const config = workspace.getConfiguration(section, scope);
  return {
    enable: config.get<boolean>('enable', true),
    registerPath: config.get<string>('registerPath', 'pi-register.yaml'),
    rules: config.get<Record<string, Level>>('rules', {}),
    sinks: config.get<Record<string, string[]>>('sinks', {}),
    baselinePath: config.get<string>('baselinePath', 'appi-guard-baseline.json'),
    baselinedFindings: config.get<'hint' | 'hide'>('baselinedFindings', 'hint'),
  };
}

/** Answers the server's `workspace/configuration` requests for the `appiGuard` section with typed settings. */
export const configurationMiddleware: ConfigurationRequest.MiddlewareSignature = async (params, token, next) => {
  const answers = await next(params, token);
  if (!Array.isArray(answers)) return answers;
  return params.items.map((item, index) =>
    item.section === section ? readSettings(item.scopeUri ? Uri.parse(item.scopeUri) : undefined) : answers[index],
  );
};

import type { Connection } from 'vscode-languageserver';
import type { Severity } from '../base/finding';
import { readSinkSettings, type SinkSettings } from '../engine/queries/sinks';
import { rulesById } from '../rules';

/** The `appiGuard` settings the server reads, typed once (the client contributes the same in package.json). */
export interface Settings {
  readonly enable: boolean;
  /** Relative to the workspace folder, or absolute. */
  readonly registerPath: string;
  readonly rules: Readonly<Record<string, Severity | 'off'>>;
  /** Packages added to a kind of sink, or marked as computing only in the process. */
  readonly sinks: SinkSettings;
  /** The baseline file (`appi-guard baseline`), relative to the workspace folder, or absolute. */
  readonly baselinePath: string;
  /** What becomes of a finding the baseline holds: shown as a hint, or hidden. */
  readonly baselined: 'hint' | 'hide';
}

const defaultSettings: Settings = {
  enable: true,
  registerPath: 'pi-register.yaml',
  rules: {},
  sinks: {},
  baselinePath: 'appi-guard-baseline.json',
  baselined: 'hint',
};

const levels = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Whatever the client sent, as settings: a value of the wrong type keeps the default, and is said. */
function readSettings(raw: unknown, warn: (message: string) => void): Settings {
  if (raw === null || raw === undefined) return defaultSettings;
  if (typeof raw !== 'object') {
    warn('appiGuard settings are not an object; using the defaults');
    return defaultSettings;
  }
  const value = raw as Record<string, unknown>;
  const enable = typeof value.enable === 'boolean' ? value.enable : defaultSettings.enable;
  const registerPath =
    typeof value.registerPath === 'string' && value.registerPath.trim() !== '' ? value.registerPath.trim() : defaultSettings.registerPath;
  const rules: Record<string, Severity | 'off'> = {};
  if (value.rules !== undefined && value.rules !== null && typeof value.rules === 'object') {
    for (const [id, level] of Object.entries(value.rules as Record<string, unknown>)) {
      if (!rulesById.has(id)) warn(`appiGuard.rules: unknown rule "${id}"`);
      else if (typeof level === 'string' && levels.has(level)) rules[id] = level as Severity | 'off';
      else warn(`appiGuard.rules.${id}: "${String(level)}" is not one of error, warning, info, hint, off`);
    }
  }
  const sinks = readSinkSettings(value.sinks, (message) => warn(`appiGuard.${message}`));
  const baselinePath =
    typeof value.baselinePath === 'string' && value.baselinePath.trim() !== '' ? value.baselinePath.trim() : defaultSettings.baselinePath;
  if (value.baselinedFindings !== undefined && value.baselinedFindings !== 'hint' && value.baselinedFindings !== 'hide')
    warn(`appiGuard.baselinedFindings: "${String(value.baselinedFindings)}" is not one of hint, hide`);
  const baselined = value.baselinedFindings === 'hide' ? 'hide' : 'hint';
  return { enable, registerPath, rules, sinks, baselinePath, baselined };
}

/**
 * Settings per workspace folder, from what every kind of client gives (README, "Settings"): the defaults,
 * under `initializationOptions`, under what `workspace/didChangeConfiguration` pushes, under what
 * `workspace/configuration` answers for the folder (so a folder's `.vscode/settings.json` applies) — each
 * key from the last of these that has it. Cached until the client says they changed.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** What the client gave without being asked: `initializationOptions`, then each push, key by key. */
  private pushed: Record<string, unknown>;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initializationOptions?: unknown,
  ) {
    this.pushed = sectionOf(initializationOptions) ?? {};
  }

  /** Settings a client pushed with `workspace/didChangeConfiguration` (`null` from clients that only signal a change). */
  push(settings: unknown): void {
    const section = sectionOf(settings);
    if (section) this.pushed = { ...this.pushed, ...section };
    this.clear();
  }

  get(folderUri: string): Promise<Settings> {
    let settings = this.cache.get(folderUri);
    if (!settings) {
      settings = this.pull(folderUri);
      this.cache.set(folderUri, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }

  private async pull(folderUri: string): Promise<Settings> {
    const warn = (message: string) => this.connection.console.warn(message);
    if (!this.canPull) return readSettings(this.pushed, warn);
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'appiGuard' });
      return readSettings(isObject(raw) ? { ...this.pushed, ...raw } : this.pushed, warn);
    } catch (error) {
      warn(`could not read settings: ${error instanceof Error ? error.message : String(error)}`);
      return readSettings(this.pushed, warn);
    }
  }
}

/** The `appiGuard` section of what a client sent: `{ appiGuard: {…} }`, or the section itself. */
function sectionOf(raw: unknown): Record<string, unknown> | undefined {
  if (!isObject(raw)) return undefined;
  if (isObject(raw.appiGuard)) return raw.appiGuard;
  return ['enable', 'registerPath', 'rules', 'sinks', 'baselinePath', 'baselinedFindings'].some((key) => key in raw) ? raw : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

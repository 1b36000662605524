import type { Status } from 'appi-guard-server/lsp/status';
import {
  type Command,
  type DocumentSelector,
  type LanguageStatusItem,
  LanguageStatusSeverity,
  languages,
  MarkdownString,
  StatusBarAlignment,
  type StatusBarItem,
  ThemeColor,
  window,
} from 'vscode';
import { reanalyseCommand, restartCommand, showOutputCommand, showUncheckedCommand } from './commands';

/** What the item shows when no status comes from the server: its process is starting, or it stopped. */
export type ClientState = 'starting' | 'stopped';

interface View {
  readonly text: string;
  /** The same, for the language status item, which shows its own name. */
  readonly short: string;
  readonly tooltip: string;
  readonly command: Command;
  readonly busy: boolean;
  readonly severity: LanguageStatusSeverity;
}

/**
 * The analysis state and the workspace's finding counts: a status-bar item, always visible while the extension
 * is active, and a language status item beside TypeScript's in the files the server checks.
 */
export class StatusView {
  private readonly item: StatusBarItem;
  private readonly language: LanguageStatusItem;

  constructor(selector: DocumentSelector) {
    this.item = window.createStatusBarItem('appiGuard.status', StatusBarAlignment.Left, 0);
    this.item.name = 'APPI Guard';
    this.language = languages.createLanguageStatusItem('appiGuard.languageStatus', selector);
    this.language.name = 'APPI Guard';
    this.showClient('starting');
    this.item.show();
  }

  /** A status from the server. */
  show(status: Status): void {
    this.render(viewOf(status));
  }

  /** The server's process is starting, or it stopped (crashed, or failed to start). */
  showClient(state: ClientState): void {
    this.render(
      state === 'starting'
        ? {
            text: '$(sync~spin) APPI Guard',
            short: 'starting',
            tooltip: 'APPI Guard: starting the language server.',
            command: showOutput,
            busy: true,
            severity: LanguageStatusSeverity.Information,
          }
        : {
            text: '$(error) APPI Guard: stopped',
            short: 'stopped',
            tooltip: 'APPI Guard: the language server stopped. Click to restart it; the output has the reason.',
            command: { title: 'Restart', command: restartCommand },
            busy: false,
            severity: LanguageStatusSeverity.Error,
          },
    );
  }

  dispose(): void {
    this.item.dispose();
    this.language.dispose();
  }

  private render(view: View): void {
    this.item.text = view.text;
    this.item.tooltip = new MarkdownString(view.tooltip);
    this.item.command = view.command;
    this.item.backgroundColor =
      view.severity === LanguageStatusSeverity.Error
        ? new ThemeColor('statusBarItem.errorBackground')
        : view.severity === LanguageStatusSeverity.Warning
          ? new ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.language.text = view.short;
    this.language.detail = view.tooltip.replace(/^APPI Guard: /, '');
    this.language.command = view.command;
    this.language.busy = view.busy;
    this.language.severity = view.severity;
  }
}

const showOutput: Command = { title: 'Show Output', command: showOutputCommand };
const showUncheckedPlaces: Command = { title: 'Show What Was Not Checked', command: showUncheckedCommand };

/** How a server status reads. */
function viewOf(status: Status): View {
  const info = LanguageStatusSeverity.Information;
  switch (status.state) {
    case 'starting':
      return {
        text: '$(sync~spin) APPI Guard',
        short: 'starting',
        tooltip: 'APPI Guard: reading the workspace.',
        command: showOutput,
        busy: true,
        severity: info,
      };
    case 'analysing': {
      const progress = status.total ? ` ${status.done ?? 0}/${status.total}` : '';
      const files = status.total ? `: ${status.done ?? 0} of ${status.total} files` : '';
      return {
        text: `$(sync~spin) APPI Guard${progress}`,
        short: `analysing${progress}`,
        tooltip: `APPI Guard: analysing the workspace${files}. ${counts(status)} so far.`,
        command: showOutput,
        busy: true,
        severity: info,
      };
    }
    case 'idle':
      return {
        text: `$(shield) APPI Guard ${codicons(status)}${notChecked(status)}`,
        short: `${codicons(status)}${notChecked(status)}`,
        tooltip:
          status.unchecked > 0
            ? `APPI Guard: ${counts(status)} in the workspace (suppressed findings not counted). ${uncheckedSentence(status)} Click to list them.`
            : `APPI Guard: ${counts(status)} in the workspace (suppressed findings not counted); everything was checked. Click to show the output.`,
        command: status.unchecked > 0 ? showUncheckedPlaces : showOutput,
        busy: false,
        severity: info,
      };
    case 'paused':
      return {
        text: '$(debug-pause) APPI Guard: analysis paused',
        short: 'analysis paused',
        tooltip: `APPI Guard: whole-workspace analysis paused${status.detail ? ` (${status.detail})` : ''}; open files are still checked. ${counts(status)} so far. Click to re-analyse the workspace.`,
        command: { title: 'Re-analyse Workspace', command: reanalyseCommand },
        busy: false,
        severity: LanguageStatusSeverity.Warning,
      };
    case 'disabled':
      return {
        text: '$(circle-slash) APPI Guard',
        short: 'disabled',
        tooltip: 'APPI Guard: disabled by the `appiGuard.enable` setting.',
        command: showOutput,
        busy: false,
        severity: info,
      };
  }
}

function codicons(status: Status): string {
  return [`$(error) ${status.errors}`, `$(warning) ${status.warnings}`, ...(status.infos > 0 ? [`$(info) ${status.infos}`] : [])].join(' ');
}

/** ` · 5 not checked`, or nothing when everything was checked. */
function notChecked(status: Status): string {
  return status.unchecked > 0 ? ` · ${status.unchecked} not checked` : '';
}

function uncheckedSentence(status: Status): string {
  const places = status.unchecked === 1 ? '1 place was' : `${status.unchecked} places were`;
  return `${places} not checked: reads of personal-looking names on untyped values, packages not installed, or project configuration that could not be followed.`;
}

function counts(status: Status): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(status.errors, 'error')}, ${plural(status.warnings, 'warning')}, ${plural(status.infos, 'info')}`;
}

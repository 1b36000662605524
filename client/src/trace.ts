import {
  type Disposable,
  EventEmitter,
  LogLevel,
  type LogOutputChannel,
  type OutputChannel,
  type ViewColumn,
  window,
  workspace,
} from 'vscode';

/**
 * The channel `appiGuard.trace.server` writes to. vscode-languageclient 10 traces only when its trace channel's
 * log level is Trace, a level users set per channel with a command, not in settings. This channel reports
 * Trace exactly when the setting is `messages` or `verbose`, so the setting alone turns the trace on and
 * off, as the other language extensions' `*.trace.server` settings do.
 */
export class TraceChannel implements LogOutputChannel {
  private readonly channel: OutputChannel;
  private readonly levelChanged = new EventEmitter<LogLevel>();
  private readonly listener: Disposable;
  private level: LogLevel;

  readonly onDidChangeLogLevel = this.levelChanged.event;

  /** `setting` is the full name, e.g. `appiGuard.trace.server`; it is a window setting, so read unscoped. */
  constructor(
    name: string,
    private readonly setting: string,
  ) {
    this.channel = window.createOutputChannel(name);
    this.level = this.fromSetting();
    this.listener = workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(setting)) return;
      const level = this.fromSetting();
      if (level === this.level) return;
      this.level = level;
      this.levelChanged.fire(level);
    });
  }

  get name(): string {
    return this.channel.name;
  }

  get logLevel(): LogLevel {
    return this.level;
  }

  trace(message: string): void {
    this.write('trace', message);
  }

  debug(message: string): void {
    this.write('debug', message);
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warning', message);
  }

  error(error: string | Error): void {
    this.write('error', typeof error === 'string' ? error : (error.stack ?? error.message));
  }

  append(value: string): void {
    this.channel.append(value);
  }

  appendLine(value: string): void {
    this.channel.appendLine(value);
  }

  replace(value: string): void {
    this.channel.replace(value);
  }

  clear(): void {
    this.channel.clear();
  }

  show(preserveFocus?: boolean): void;
  show(column?: ViewColumn, preserveFocus?: boolean): void;
  show(first?: boolean | ViewColumn, preserveFocus?: boolean): void {
    this.channel.show(typeof first === 'boolean' ? first : preserveFocus);
  }

  hide(): void {
    this.channel.hide();
  }

  dispose(): void {
    this.listener.dispose();
    this.levelChanged.dispose();
    this.channel.dispose();
  }

  private fromSetting(): LogLevel {
    const value = workspace.getConfiguration().get<string>(this.setting, 'off');
    return value === 'messages' || value === 'verbose' ? LogLevel.Trace : LogLevel.Off;
  }

  private write(level: string, message: string): void {
    this.channel.appendLine(`${new Date().toISOString()} [${level}] ${message}`);
  }
}

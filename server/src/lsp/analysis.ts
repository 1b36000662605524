import * as v8 from 'node:v8';
import type { Connection, TextDocuments, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeUnchecked, type Unchecked } from '../base/coverage';
import type { Finding } from '../base/finding';
import { type CancellationToken, CancelledError, type FileResult } from '../engine/workspace';
import { Baselines, withBaseline } from './baseline';
import { Compaction, type CompactionOptions } from './compaction';
import { incompleteDiagnostic, toDiagnostic } from './convert';
import type { Folder, Folders } from './folders';
import { type Status, statusNotification, type UncheckedPlace } from './status';
import { pathOf, uriOf } from './uris';

/** Edits come in bursts; analysing after each keystroke would only be cancelled by the next one. */
const editDebounceMilliseconds = 200;
/** How long a run holds the event loop before it lets messages in (cancellation, edits, requests). */
const sliceMilliseconds = 30;
/** How long the workspace stays quiet after a run before the uses no context reaches are counted again. */
const unreachedQuietMilliseconds = 750;
/** Past this share of Node's heap limit, whole-workspace analysis stops and only open files are analysed. */
const heapShareLimit = 0.75;

export interface AnalysisOptions {
  readonly connection: Connection;
  readonly folders: Folders;
  readonly documents: TextDocuments<TextDocument>;
  /** The client shows `relatedInformation`. */
  readonly relatedInformation: boolean;
  /** The client shows server-initiated work-done progress. */
  readonly progress: boolean;
  /** Heap use, in bytes, past which only open files are analysed; by default 75% of Node's heap limit. */
  readonly heapLimit?: number;
  /** When to collect the garbage edits leave (see `Compaction`); never when not given. */
  readonly compaction?: Omit<CompactionOptions, 'log'>;
}

interface Stored {
  readonly folder: Folder;
  /** The analysis revision it was last confirmed in: current while no change came since. */
  revision: number;
  /** The engine's result: the same object again means the engine answered from its cache. */
  readonly result: FileResult;
  /** The baseline's fingerprints it was published with: a new baseline publishes it again. */
  readonly baseline: ReadonlySet<string>;
  readonly findings: readonly Finding[];
  /** What was published for it, to skip sending the same again. */
  readonly published: string;
  readonly counts: { errors: number; warnings: number; infos: number };
}

/**
 * Runs the engine over the workspace and publishes diagnostics, as Biome and rust-analyzer do: every change
 * moves a revision counter that stops the run in progress at its next file; a new run starts after a short
 * debounce, open files first; results are published per file as they come (only when they changed), and a
 * finished run clears the files that have no findings any more.
 */
export class Analysis {
  private revision = 0;
  private readonly stored = new Map<string, Stored>();
  private timer: NodeJS.Timeout | undefined;
  private unreachedTimer: NodeJS.Timeout | undefined;
  private withProgress = false;
  /** `open` after the user cancelled the workspace run or memory ran short: only open files are analysed. */
  private scope: 'workspace' | 'open' = 'workspace';
  private pauseReason: string | undefined;
  /** When progress was last reported. */
  private lastStatus = 0;
  private readonly noticed = new Map<string, string>();
  /** Each folder's configuration that could not be followed (by folder URI), as its last run found it. */
  private readonly configuration = new Map<string, readonly Unchecked[]>();
  /** Runs in progress (one, but a stopped run may still be finishing when the next starts). */
  private running = 0;
  /** The file the user edited last: its findings are the ones they are waiting for. */
  private first: string | undefined;

  private readonly compaction: Compaction | undefined;

  /** The folders' baselines, read as their files change. */
  private readonly baselines: Baselines;

  constructor(private readonly options: AnalysisOptions) {
    this.baselines = new Baselines((message) => options.connection.console.warn(message));
    this.compaction =
      options.compaction && new Compaction({ ...options.compaction, log: (message) => options.connection.console.log(message) });
  }

  /** Something changed: stop the run in progress and start another after `delay`, `first` (the edited file) first. */
  schedule({
    delay = editDebounceMilliseconds,
    progress = false,
    first,
  }: {
    delay?: number;
    progress?: boolean;
    first?: string;
  } = {}): void {
    this.revision++;
    this.compaction?.busy();
    if (first !== undefined) this.first = first;
    // A change while nothing waits or runs is analysed at once; the debounce is for the changes that come
    // while a run is pending or under way (typing), which would only stop it at its next file.
    if (this.timer === undefined && this.running === 0) delay = 0;
    this.withProgress ||= progress;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delay);
  }

  /** The user asked for the whole workspace again (after a pause, or just to be sure). */
  reanalyseWorkspace(): void {
    this.scope = 'workspace';
    this.pauseReason = undefined;
    this.schedule({ delay: 0, progress: true });
  }

  /** The findings of a file against its current text (suppressed ones included): stored, or computed now. */
  findingsOf(folder: Folder, file: string): readonly Finding[] {
    if (!isAnalysed(folder, file)) return [];
    const stored = this.stored.get(file);
    if (stored && stored.revision === this.revision && stored.folder === folder) return stored.findings;
    const result = this.analyseOne(folder, file, undefined);
    if (!result) return [];
    this.record(folder, file, result);
    return result.findings;
  }

  /** Takes back every diagnostic of a folder (removed, or disabled). */
  clearFolder(folder: Folder): void {
    for (const [file, stored] of this.stored) if (stored.folder.uri === folder.uri) this.clear(file);
    this.configuration.delete(folder.uri);
    this.sendStatus();
  }

  /** The places not checked in the files analysed and in the folders' configuration, in file order. */
  uncheckedPlaces(): UncheckedPlace[] {
    const items = [...[...this.configuration.values()].flat(), ...[...this.stored.values()].flatMap((stored) => stored.result.unchecked)];
    const order = (item: Unchecked) => item.range?.start.offset ?? -1;
    return items
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : order(a) - order(b)))
      .map((item) => ({
        uri: uriOf(item.file),
        ...(item.range && {
          range: {
            start: { line: item.range.start.line, character: item.range.start.character },
            end: { line: item.range.end.line, character: item.range.end.character },
          },
        }),
        kind: item.kind,
        label: labelOf(item),
        message: describeUnchecked(item),
      }));
  }

  /** A file deleted on disk: its diagnostics go at once, not at the end of the next run. */
  forget(file: string): void {
    if (this.stored.has(file)) this.clear(file);
  }

  dispose(): void {
    this.compaction?.dispose();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.revision++;
  }

  private async run(): Promise<void> {
    const revision = this.revision;
    this.running++;
    const progress = this.withProgress && this.options.progress && this.scope === 'workspace' ? await this.beginProgress() : undefined;
    this.withProgress = false;
    const cancelled = () => revision !== this.revision || (progress?.token.isCancellationRequested ?? false);
    const token: CancellationToken = {
      get isCancellationRequested() {
        return cancelled();
      },
    };
    try {
      const plan = this.plan();
      let sliceStart = Date.now();
      // Asked once a slice, not once a file: most files of a run after an edit are answered from the cache in microseconds.
      let heapDue = true;
      for (const [index, { folder, file }] of plan.entries()) {
        if (Date.now() - sliceStart > sliceMilliseconds) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = Date.now();
          heapDue = true;
        }
        if (cancelled()) break;
        const result = this.analyseOne(folder, file, token);
        if (!result) break;
        this.record(folder, file, result);
        this.reportProgress(progress, index + 1, plan.length);
        const heapAsked = heapDue;
        heapDue = false;
        if (this.scope === 'workspace' && heapAsked && this.heapShort()) {
          this.pause('memory is short: only open files are analysed until you re-analyse the workspace');
          // The projects' programs are most of the heap: let them go; open files rebuild only their own.
          for (const folder of this.options.folders.all()) folder.workspace.dispose();
          break;
        }
      }
      if (progress?.token.isCancellationRequested && revision === this.revision)
        this.pause('cancelled: only open files are analysed until you re-analyse the workspace');
      else if (!cancelled() && this.scope === 'workspace') {
        this.clearOthers(plan);
        // Once the user has paused: the findings are out, and the count over the whole workspace, a pass over
        // every file's answers, must not hold up the next edit's.
        clearTimeout(this.unreachedTimer);
        this.unreachedTimer = setTimeout(() => {
          if (revision !== this.revision || this.running > 0) return;
          this.countUnreached();
          this.sendStatus();
        }, unreachedQuietMilliseconds);
        this.unreachedTimer.unref();
        this.compaction?.settled();
      }
    } catch (error) {
      this.options.connection.console.error(`analysis failed: ${describe(error)}`);
    } finally {
      this.running--;
      progress?.done();
      if (revision === this.revision) this.sendStatus();
      if (revision === this.revision && this.running === 0 && this.timer === undefined) this.compaction?.quiet();
    }
  }

  /**
   * After a whole run, the uses no context reaches, which only the whole workspace can tell: kept with the
   * folder's configuration items, as places that belong to no one file. Counted once the workspace has been
   * quiet for a moment after a run, so that edits typed in a row do not wait for it; the status that follows
   * carries the new count.
   */
  private countUnreached(): void {
    for (const folder of this.options.folders.enabled()) {
      try {
        this.configuration.set(folder.uri, [...folder.workspace.uncheckedConfiguration(), ...folder.workspace.unreachedUses()]);
      } catch (error) {
        this.options.connection.console.error(`${folder.name}: could not count the uses no context reaches: ${describe(error)}`);
      }
    }
  }

  /** Open files first (the user is looking at them), then, unless paused, every file of every folder. */
  private plan(): { folder: Folder; file: string }[] {
    const folders = this.options.folders;
    const planned = new Map<string, Folder>();
    const first = this.first === undefined ? undefined : folders.of(this.first);
    if (
      this.first !== undefined &&
      first?.settings.enable &&
      isAnalysed(first, this.first) &&
      this.options.documents.get(uriOf(this.first))
    )
      planned.set(this.first, first);
    for (const document of this.options.documents.all()) {
      const file = pathOf(document.uri);
      const folder = file === undefined ? undefined : folders.of(file);
      if (file !== undefined && folder?.settings.enable && isAnalysed(folder, file) && !planned.has(file)) planned.set(file, folder);
    }
    if (this.scope === 'workspace') {
      for (const folder of folders.enabled()) for (const file of this.filesOf(folder)) if (!planned.has(file)) planned.set(file, folder);
    }
    return [...planned].map(([file, folder]) => ({ folder, file }));
  }

  private filesOf(folder: Folder): string[] {
    try {
      const files = folder.workspace.files();
      this.configuration.set(folder.uri, folder.workspace.uncheckedConfiguration());
      return files;
    } catch (error) {
      this.options.connection.console.error(`${folder.name}: could not list the files: ${describe(error)}`);
      return [];
    }
  }

  /** One file; a failure other than cancellation is logged and costs only this file. Undefined: cancelled. */
  private analyseOne(folder: Folder, file: string, token: CancellationToken | undefined): FileResult | undefined {
    try {
      const result = folder.workspace.analyseFile(file, token);
      // Said once, not on every run: a file with a syntax error stays one line in the log until it changes.
      const said = result.notices.map((notice) => `${notice.file}: ${notice.message}`).join('\n');
      if (said !== (this.noticed.get(file) ?? '')) {
        if (said) this.options.connection.console.info(said);
        this.noticed.set(file, said);
      }
      return result;
    } catch (error) {
      if (error instanceof CancelledError) return undefined;
      this.options.connection.console.error(`${file}: not analysed: ${describe(error)}`);
      return { findings: [], notices: [], unchecked: [] };
    }
  }

  private record(folder: Folder, file: string, result: FileResult): void {
    const stored = this.stored.get(file);
    const baseline = this.baselines.of(folder, this.revision);
    if (stored?.result === result && stored.folder === folder && stored.baseline === baseline) {
      stored.revision = this.revision;
      return;
    }
    const visible = withBaseline(folder, result.findings, baseline);
    const diagnostics = [
      ...visible.map((finding) => toDiagnostic(finding, { relatedInformation: this.options.relatedInformation })),
      ...result.unchecked.flatMap((item) => (item.kind === 'incomplete-analysis' ? [incompleteDiagnostic(item.reason)] : [])),
    ];
    const published = JSON.stringify(diagnostics);
    const uri = uriOf(file);
    const version = this.options.documents.get(uri)?.version;
    if (stored?.published !== published)
      void this.options.connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined && { version }) });
    const count = (severity: string) => visible.filter((finding) => finding.severity === severity).length;
    this.stored.set(file, {
      folder,
      revision: this.revision,
      result,
      baseline,
      findings: result.findings,
      published,
      counts: { errors: count('error'), warnings: count('warning'), infos: count('info') },
    });
  }

  private clear(file: string): void {
    this.stored.delete(file);
    void this.options.connection.sendDiagnostics({ uri: uriOf(file), diagnostics: [] });
  }

  /** After a whole run: files with diagnostics that the run no longer covers (deleted, moved out, disabled). */
  private clearOthers(plan: readonly { file: string }[]): void {
    const covered = new Set(plan.map((entry) => entry.file));
    for (const file of [...this.stored.keys()]) if (!covered.has(file)) this.clear(file);
  }

  private pause(reason: string): void {
    this.scope = 'open';
    this.pauseReason = reason;
    this.options.connection.console.warn(`analysis paused: ${reason}`);
  }

  private heapShort(): boolean {
    const heap = v8.getHeapStatistics();
    return heap.used_heap_size > (this.options.heapLimit ?? heap.heap_size_limit * heapShareLimit);
  }

  private async beginProgress(): Promise<WorkDoneProgressServerReporter | undefined> {
    try {
      const reporter = await this.options.connection.window.createWorkDoneProgress();
      reporter.begin('APPI Guard', 0, 'analysing the workspace', true);
      return reporter;
    } catch {
      return undefined;
    }
  }

  /** Files done of total, as progress and as status: at most every 100 ms, not once a file. */
  private reportProgress(progress: WorkDoneProgressServerReporter | undefined, done: number, total: number): void {
    const now = Date.now();
    if (now - this.lastStatus < 100 && done > 1) return;
    this.lastStatus = now;
    progress?.report(Math.floor((done * 100) / total), `${done}/${total} files`);
    this.sendStatus({ state: 'analysing', done, total });
  }

  private sendStatus(partial?: Pick<Status, 'state' | 'done' | 'total'>): void {
    const totals = { errors: 0, warnings: 0, infos: 0, unchecked: 0 };
    for (const { counts, result } of this.stored.values()) {
      totals.errors += counts.errors;
      totals.warnings += counts.warnings;
      totals.infos += counts.infos;
      totals.unchecked += result.unchecked.length;
    }
    for (const items of this.configuration.values()) totals.unchecked += items.length;
    const idle: Status['state'] = this.options.folders.enabled().length === 0 ? 'disabled' : this.scope === 'open' ? 'paused' : 'idle';
    const status: Status = { ...totals, ...(partial ?? { state: idle }), ...(this.pauseReason && { detail: this.pauseReason }) };
    void this.options.connection.sendNotification(statusNotification, status);
  }
}

/** What a place is about, in a word or two: the name read, the package, the config extended. */
function labelOf(item: Unchecked): string {
  switch (item.kind) {
    case 'untyped-read':
    case 'unreached-use':
      return item.name;
    case 'missing-package':
      return item.package;
    case 'missing-extends':
      return `extends ${item.extends}`;
    case 'project-not-loaded':
      return 'project not loaded';
    case 'missing-prisma-client':
      return 'Prisma client not generated';
    case 'incomplete-analysis':
      return 'not fully analysed';
  }
}

function isAnalysed(folder: Folder, file: string): boolean {
  return file === folder.workspace.registerPath || /\.(?:[cm]?ts|tsx|prisma)$/.test(file);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Where the progress line is drawn: `process.stderr`, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  readonly stream: ProgressStream;
  /** When the run started, in `now()`'s unit. */
  readonly start: number;
  readonly now?: () => number;
}

/** Short runs stay silent: a line that flashes for a moment is noise. */
const quietMilliseconds = 1000;
/** Redrawing every file would make the terminal, not the analysis, the bottleneck on large workspaces. */
const redrawMilliseconds = 100;

/**
 * `Analysing 120/450 files…`, rewritten in place, only on a terminal (a log or a pipe would keep every
 * redraw) and only once the run has lasted a second. `clear` wipes it before anything else is written.
 */
export class Progress {
  private readonly stream: ProgressStream;
  private readonly start: number;
  private readonly now: () => number;
  private drawnAt: number | undefined;

  constructor(options: ProgressOptions) {
    this.stream = options.stream;
    this.start = options.start;
    this.now = options.now ?? Date.now;
  }

  update(done: number, total: number): void {
    if (!this.stream.isTTY) return;
    const now = this.now();
    if (now - this.start < quietMilliseconds) return;
    if (this.drawnAt !== undefined && now - this.drawnAt < redrawMilliseconds && done < total) return;
    this.stream.write(`\r\x1b[KAnalysing ${done}/${total} files…`);
    this.drawnAt = now;
  }

  clear(): void {
    if (this.drawnAt === undefined) return;
    this.stream.write('\r\x1b[K');
    this.drawnAt = undefined;
  }
}

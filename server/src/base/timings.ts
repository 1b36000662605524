/**
 * Where analysis time goes, by phase and by rule, for `--timings` and the benchmark. Phases nest (a rule
 * asks for the uses walk, which asks the checker); each phase's time excludes the phases inside it, so the
 * figures add up to the whole.
 */
export class Timings {
  private readonly totals = new Map<string, number>();
  private readonly stack: { phase: string; since: number }[] = [];

  measure<T>(phase: string, run: () => T): T {
    const now = performance.now();
    const outer = this.stack.at(-1);
    if (outer) this.add(outer.phase, now - outer.since);
    this.stack.push({ phase, since: now });
    try {
      return run();
    } finally {
      const end = performance.now();
      this.add(phase, end - this.stack.pop()!.since);
      const resumed = this.stack.at(-1);
      if (resumed) resumed.since = end;
    }
  }

  /** Milliseconds per phase, largest first. */
  snapshot(): [phase: string, milliseconds: number][] {
    return [...this.totals].sort((a, b) => b[1] - a[1]);
  }

  reset(): void {
    this.totals.clear();
  }

  private add(phase: string, milliseconds: number): void {
    this.totals.set(phase, (this.totals.get(phase) ?? 0) + milliseconds);
  }
}

import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export interface CompactionOptions {
  /** Collects the heap; undefined when Node cannot (then V8's own schedule stands). */
  readonly collect: (() => void) | undefined;
  /** How long nothing must change or run before the heap is collected. */
  readonly quietMilliseconds: number;
  /** Collect once the heap holds more than this multiple of what it held after the first whole run. */
  readonly growth: number;
  log(message: string): void;
}

export const defaultCompaction = { quietMilliseconds: 2000, growth: 1.5 };

/**
 * After a burst of edits the heap holds the programs and checkers the edits replaced. That is garbage, but
 * V8 collects it only when it next needs room, and a small heap may first grow to two or three times what
 * is live. So once the server has been quiet a while, and its heap has grown past `growth` times what it
 * held after its first whole run, it is collected then: an editor left open holds what is live, not what
 * the last burst left behind. (A full collection takes ~0.1 s for 1,000 files; on large workspaces, where
 * it takes longer, V8's own schedule keeps growth under the bound anyway and none is needed.)
 */
export class Compaction {
  private baseline: number | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: CompactionOptions) {}

  /** A whole run finished: the first one sets what the heap should come back to. */
  settled(): void {
    this.baseline ??= usedHeap();
  }

  /** A change came: not quiet. */
  busy(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Nothing runs or waits: collect if it stays so. */
  quiet(): void {
    this.busy();
    if (!this.options.collect || this.baseline === undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.compact();
    }, this.options.quietMilliseconds);
    this.timer.unref();
  }

  dispose(): void {
    this.busy();
  }

  private compact(): void {
    const before = usedHeap();
    if (before <= this.baseline! * this.options.growth) return;
    this.options.collect!();
    this.options.log(`heap collected while idle: ${megabytes(before)} MB in use before, ${megabytes(usedHeap())} MB after`);
  }
}

/**
 * Node's `gc()`. Without `--expose-gc` on the command line, setting the flag now exposes it in a new
 * context (as test runners do for their leak checks), so that every way of starting the server has it.
 */
export function exposedGc(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

function usedHeap(): number {
  return v8.getHeapStatistics().used_heap_size;
}

function megabytes(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

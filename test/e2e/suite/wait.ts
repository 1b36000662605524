/**
 * Waiting for the editor without fixed sleeps: on every diagnostics change and every quarter second, until
 * a condition holds or a deadline passes. A timeout names what was awaited and what there was instead.
 */
import * as vscode from 'vscode';

const pollMs = 250;
/** How long the diagnostics must stay unchanged before a read counts as settled. */
const quietMs = 1_000;

/**
 * Resolves with `read()` once it satisfies `done` and no diagnostics changed for a second (so a run still
 * publishing is not caught half-way). On timeout, rejects with the last value read.
 */
export function settled<T>(what: string, read: () => T, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    let changedAt = Date.now();
    const listener = vscode.languages.onDidChangeDiagnostics(() => (changedAt = Date.now()));
    const finish = (outcome: () => void) => {
      listener.dispose();
      clearInterval(interval);
      clearTimeout(timer);
      outcome();
    };
    const interval = setInterval(() => {
      const value = read();
      if (done(value) && Date.now() - changedAt >= quietMs) finish(() => resolve(value));
    }, pollMs);
    const timer = setTimeout(() => {
      const last = read();
      finish(() => reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; there was:\n${describe(last)}`)));
    }, timeoutMs);
  });
}

/** Calls `attempt` until it returns a value (errors count as no value), then resolves with that value. */
export async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
      last = 'nothing';
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline)
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; the last attempt gave ${describe(last)}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return value.join('\n');
  return value instanceof Error ? (value.stack ?? value.message) : String(value);
}

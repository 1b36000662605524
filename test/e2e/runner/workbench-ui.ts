/**
 * The workbench as a user sees it: the status bar's problem counts, the Problems panel's rows, a finding
 * opened from the panel, an editor hover. Selectors are the workbench's own (VS Code 1.100's DOM).
 */
import type { Page } from 'playwright-core';

export interface ProblemCounts {
  readonly errors: number;
  readonly warnings: number;
}

/** A marker row of the Problems panel, as the panel shows it: 1-based line and column. */
export interface ProblemRow {
  /** The absolute path. */
  readonly file: string;
  readonly source: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
}

const problemsItem = '#status\\.problems';

/** The little of the DOM that the functions run in the page use: the tests compile without the DOM library. */
interface PageElement {
  readonly textContent: string | null;
  querySelector(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};

/**
 * Resolves when the status bar counts exactly `counts` (its label reads `Errors: 20, Warnings: 6`), which it
 * does once the workspace's diagnostics have all arrived; rejects after `timeoutMs` with what it counted.
 */
export async function waitForProblemCounts(page: Page, counts: ProblemCounts, timeoutMs: number): Promise<void> {
  const label = page.locator(`${problemsItem} a`).first();
  try {
    await page.waitForFunction(
      ({ selector, errors, warnings }) => {
        const text = document.querySelector(selector)?.getAttribute('aria-label') ?? '';
        const count = (name: string) => Number(new RegExp(`${name}: (\\d+)`).exec(text)?.[1] ?? 0);
        return count('Errors') === errors && count('Warnings') === warnings;
      },
      { selector: `${problemsItem} a`, ...counts },
      { timeout: timeoutMs, polling: 250 },
    );
  } catch (error) {
    const shown = await label.getAttribute('aria-label').catch(() => null);
    throw new Error(
      `the status bar did not count ${counts.errors} errors and ${counts.warnings} warnings within ${timeoutMs / 1000} s; it said ${JSON.stringify(shown)}`,
      { cause: error },
    );
  }
}

/**
 * Opens the Problems panel from the status bar and returns the marker rows it renders (the list is
 * virtual: only the rows in view), each with the file of the file row above it. Rows of related
 * information, which have no source, are left out.
 */
export async function readProblemsPanel(page: Page): Promise<ProblemRow[]> {
  await page.locator(problemsItem).click();
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
  return page.evaluate(() => {
    const text = (row: PageElement, selector: string) => row.querySelector(selector)?.textContent?.trim() ?? '';
    const found: ProblemRow[] = [];
    let file = '';
    for (const row of document.querySelectorAll('.markers-panel .monaco-list-row')) {
      // A file row: its label's `aria-label` is the file's absolute path.
      const resource = row.querySelector('.resource-label-container .monaco-icon-label')?.getAttribute('aria-label');
      if (resource) file = resource;
      // A marker row: message, source, code (a link to the rule's docs), `[Ln 26, Col 28]`.
      const position = /^\[Ln (\d+), Col (\d+)\]$/.exec(text(row, '.marker-line'));
      const source = text(row, '.marker-source');
      if (!position || !source) continue;
      found.push({ file, source, code: text(row, '.marker-code'), line: Number(position[1]), column: Number(position[2]) });
    }
    return found;
  });
}

/**
 * Clicks the first marker row whose message contains `text`, which opens its file at the finding, and waits
 * for the editor to draw an error squiggle.
 */
export async function openProblem(page: Page, text: string): Promise<void> {
  await page.locator('.markers-panel .monaco-list-row .marker-message', { hasText: text }).first().click();
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
}

/**
 * Points the mouse at `word` on the editor line that contains `line`, waits for the hover to show
 * `showing` (its parts arrive one provider at a time), and returns the hover's text.
 */
export async function hoverWord(page: Page, hovered: { line: string; word: string }, showing: string): Promise<string> {
  // The editor draws each line as spans of tokens; an identifier is a span of its own.
  const lineOf = page.locator('.monaco-editor .view-line', { hasText: hovered.line });
  await lineOf
    .locator('span span', { hasText: new RegExp(`^${hovered.word}$`) })
    .first()
    .hover();
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)', { hasText: showing }).first();
  try {
    await hover.waitFor({ timeout: 30_000 });
  } catch (error) {
    const shown = await page.locator('.monaco-editor .monaco-hover').allTextContents();
    throw new Error(`no hover showing ${JSON.stringify(showing)} on \`${hovered.word}\`; there was ${JSON.stringify(shown)}`, {
      cause: error,
    });
  }
  return (await hover.textContent()) ?? '';
}

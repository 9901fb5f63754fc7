import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Runs `code` (JavaScript) through the page's own controller, as a reader's
 * Run would after editing: the first snippet's build-time code is swapped for
 * it, Run is clicked, and the run's printed lines come back once it ended.
 */
export async function runInPage(page: Page, code: string, box?: Locator): Promise<string[]> {
  const snippet = box ?? page.locator('.snippet[data-snippet-js]').first();
  await snippet.evaluate((element: HTMLElement, source) => {
    element.dataset.snippetJs = source;
    delete element.dataset.runResult;
  }, code);
  await snippet.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(snippet).toHaveAttribute('data-run-result', /.+/, { timeout: 20_000 });
  // Lines are written a slice per animation frame: wait until the DOM holds them all.
  await expect(snippet.locator('.snippet-output')).not.toHaveAttribute('aria-busy', 'true', { timeout: 20_000 });
  return snippet.locator('.snippet-output .snippet-text').allTextContents();
}

/** Hovers the first snippet and waits until the sandbox frame is up. */
export async function prepareSandbox(page: Page): Promise<void> {
  await page.locator('.snippet').first().hover();
  await expect(page.locator('iframe[sandbox="allow-scripts"][data-ready]')).toHaveCount(1, { timeout: 20_000 });
}

/** Python's first run also loads CPython, which has taken over a minute on this busy machine. */
export const PYTHON_LOAD_MS = 180_000;

/**
 * Runs Python `code` through the page's own controller, as a reader's Run
 * would after editing: the first Python snippet's shown code is swapped for
 * it (the runner reads a Python snippet's code from its code block), Run is
 * clicked, and the run's printed lines come back once it ended.
 */
export async function runPythonInPage(page: Page, code: string, box?: Locator): Promise<string[]> {
  const snippet = box ?? page.locator('.snippet[data-snippet-lang="python"]').first();
  await snippet.evaluate((element: HTMLElement, source) => {
    element.querySelector('figure.code pre code')!.textContent = source;
    delete element.dataset.runResult;
  }, code);
  await snippet.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(snippet).toHaveAttribute('data-run-result', /.+/, { timeout: PYTHON_LOAD_MS });
  await expect(snippet.locator('.snippet-output')).not.toHaveAttribute('aria-busy', 'true', { timeout: 20_000 });
  return snippet.locator('.snippet-output .snippet-text').allTextContents();
}

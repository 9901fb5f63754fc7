import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { site } from '../../src/site';
import { test, expect } from './fixtures';

/** Every published note as its URL path, from the files under content/notes. */
const notePages = readdirSync('content/notes', { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.mdx?$/.test(file) && !/^draft:\s*true/m.test(readFileSync(`content/notes/${file}`, 'utf8')))
  .map((file) => `/${file.replace(/\.mdx?$/, '')}/`);
const editPrefix = `${site.repository.url}/edit/${site.repository.branch}/`;

for (const path of notePages) {
  test(`${path} links to the web editor for its own source file`, async ({ page }) => {
    await page.goto(path);
    const link = page.getByRole('link', { name: 'Edit this page' });
    const href = await link.getAttribute('href');
    expect(href?.startsWith(editPrefix), `${href} starts with ${editPrefix}`).toBe(true);
    const file = decodeURIComponent(href!.slice(editPrefix.length));
    expect(file).toMatch(new RegExp(`^content/notes${path.replace(/\/$/, '')}\\.mdx?$`));
    expect(existsSync(file), `${file} exists in the repository`).toBe(true);
    // The file is this page's source: its title is the page's heading.
    const title = /^title:\s*'?(.+?)'?\s*$/m.exec(readFileSync(file, 'utf8'))?.[1];
    await expect(page.locator('h1')).toHaveText(title!);
  });
}

test('every note is covered', () => {
  expect(notePages.length).toBeGreaterThanOrEqual(3);
});

test('a note says when it last changed, as a machine-readable date', async ({ page }) => {
  await page.goto('/introduction/c10k/');
  const time = page.locator('.page-meta time');
  await expect(time).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  await expect(page.locator('.page-meta')).toContainText(/Last updated \d{4}-\d{2}-\d{2}/);
});

/**
 * The original note (tests/fixtures/notes/asyncio-introduction.md) survives on the
 * built site: every sentence, quote, table cell and link URL appears on some note
 * page. It compares visible text and link targets, not markup, so links may
 * become citations and the table a richer component without breaking it.
 */
import { readFileSync } from 'node:fs';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { test, expect } from './fixtures';

/** The typos the site fixes, as [original, corrected]. */
const FIXES: [string, string][] = [
  ['more then ten thousand', 'more than ten thousand'],
  ['slower then the', 'slower than the'],
  ['subset ob concurrency', 'subset of concurrency'],
  ['solutions where prominent', 'solutions were prominent'],
  ['both best for.', 'both best for?'],
];

function correctedNote(): string {
  let source = readFileSync('tests/fixtures/notes/asyncio-introduction.md', 'utf8');
  for (const [typo, fix] of FIXES) {
    expect(source, `the original note contains "${typo}"`).toContain(typo);
    source = source.replace(typo, fix);
  }
  return source;
}

/** Dashes and spacing vary with typography; words and punctuation must not. */
function normalise(text: string): string {
  return text
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function sentences(text: string): string[] {
  return normalise(text)
    .split(/(?<=[.?!])\s+(?=[A-Z“"'[])/)
    .filter((sentence) => /\w/.test(sentence));
}

/** Text of a node without its links' text: a link may become a citation with the work's title. */
function textWithoutLinks(node: Nodes): string {
  if (node.type === 'link') return '';
  if ('children' in node) return node.children.map(textWithoutLinks).join('');
  return toString(node);
}

/**
 * The text units of the note: each paragraph, heading and table cell, split into
 * sentences. Link texts are left out (the link URLs are checked instead), and so
 * is whatever is left of a paragraph that was only a link (e.g. "[Source](…)").
 */
function textUnits(tree: Root): string[] {
  const units: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      units.push(...sentences(textWithoutLinks(node)));
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return units;
}

function linkUrls(tree: Root): string[] {
  const urls: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'link') urls.push(node.url);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return urls;
}

test('every sentence, quote, table cell and link of the original note is on the site', async ({ page }) => {
  const tree = fromMarkdown(correctedNote(), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const units = textUnits(tree);
  const urls = linkUrls(tree);
  expect(units.length).toBeGreaterThan(40);
  expect(urls).toHaveLength(6);

  await page.goto('/');
  const notePaths = await page
    .locator('.card a')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  expect(notePaths.length).toBeGreaterThanOrEqual(3);

  let visibleText = '';
  const hrefs = new Set<string>();
  for (const path of notePaths) {
    await page.goto(path);
    visibleText += ` ${await page.locator('main').innerText()}`;
    for (const href of await page
      .locator('main a[href]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) {
      hrefs.add(href);
    }
  }
  const text = normalise(visibleText);

  const missingText = units.filter((unit) => !text.includes(unit));
  expect(missingText, 'sentences of the original note missing from the site').toEqual([]);
  const missingLinks = urls.filter((url) => !hrefs.has(url));
  expect(missingLinks, 'links of the original note missing from the site').toEqual([]);
  // The typos themselves are gone.
  for (const [typo] of FIXES) expect(text).not.toContain(normalise(typo));
});

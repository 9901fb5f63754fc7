import type { ShikiConfig } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Parents, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  createHighlighter,
  createJavaScriptRegexEngine,
  isSpecialLang,
  type Highlighter,
  type ShikiTransformer,
} from 'shiki';
import { eachElement } from '../../core/each-element';
import { scanningOnce } from './scan-once';
import { shikiStyleClasses } from './shiki-style-classes';

/**
 * Syntax highlighting of fenced code blocks: the HTML of Astro's own Shiki plugin (`rehypeShiki` of
 * @astrojs/markdown-remark), byte for byte, made cheaper in three ways Astro's plugin has no option for:
 * - one highlighter for the whole build, on Shiki's JavaScript regex engine (no WebAssembly; ~20 % faster on our
 *   blocks, same tokens — checked on every block of the site);
 * - the regex searches made once for both themes (scan-once.ts);
 * - a cache on disk (in Astro's cacheDir, see `useHighlightCache`): a block seen by an earlier build, same code,
 *   language, meta, themes, options and Shiki version, is read back instead of highlighted again.
 */

type Options = Pick<ShikiConfig, 'themes' | 'defaultColor' | 'transformers'>;

/** Languages Astro's highlight step leaves alone (`defaultExcludeLanguages` of @astrojs/internal-helpers). */
const EXCLUDED_LANGUAGES = ['math'];
const LANGUAGE_CLASS = /\blanguage-(\S+)\b/;

/** Bump when what this file writes for a block changes without a package version changing. */
const CACHE_FORMAT = 1;

let cache: { dir: string; files: Set<string> } | undefined;

/** Where cached blocks live: the code-styles integration sets it to `<cacheDir>/highlight` (none: no disk cache). */
export function useHighlightCache(dir: string | undefined): void {
  if (!dir) {
    cache = undefined;
    return;
  }
  mkdirSync(dir, { recursive: true });
  // Listed once, so a block not in the cache costs no failed read.
  cache = { dir, files: new Set(readdirSync(dir)) };
}

/** One block as the cache stores it: the `<pre>` and the token styles its classes stand for. */
interface Cached {
  pre: Element;
  classes: [string, unknown][];
}

// Shiki and its @shikijs/* packages (themes, transformers, engines) are released together, under one version.
const shikiVersion = (createRequire(import.meta.url)('shiki/package.json') as { version: string }).version;

/**
 * What Astro's highlighter adds to Shiki's output (createShikiHighlighter in @astrojs/internal-helpers/shiki, for a
 * block, not inline code, with `wrap: false`): the `astro-code` class, `data-language`, horizontal scrolling, and
 * diff lines' `+`/`-` in a span of their own.
 */
function astroMarkup(language: string): ShikiTransformer {
  return {
    name: 'asyncio-notes:astro-code-markup',
    pre(node) {
      const classValue = [node.properties.class ?? ''].flat().join(' ');
      const styleValue = [node.properties.style ?? ''].flat().join(' ');
      node.properties.class = classValue.replace(/shiki/g, 'astro-code');
      node.properties.dataLanguage = language;
      node.properties.style = `${styleValue}; overflow-x: auto;`;
    },
    line(node) {
      if (language !== 'diff') return;
      const span = node.children[0];
      const text = span?.type === 'element' ? span.children[0] : undefined;
      if (text?.type !== 'text') return;
      const start = text.value[0];
      if (start !== '+' && start !== '-') return;
      text.value = text.value.slice(1);
      (span as Element).children.unshift({
        type: 'element',
        tagName: 'span',
        properties: { style: 'user-select: none;' },
        children: [{ type: 'text', value: start }],
      });
    },
  };
}

/** The token classes `shikiStyleClasses` registered that appear in `pre`, with their styles, for the cache. */
function classesIn(pre: Element): [string, unknown][] {
  const registry = shikiStyleClasses.getClassRegistry();
  const found = new Map<string, unknown>();
  const collect = (node: Element) => {
    // Shiki's own nodes carry `class` (a string or a list), not hast's usual `className`.
    for (const name of [node.properties.class ?? []].flat().flatMap((value) => String(value).split(' ')))
      if (registry.has(name)) found.set(name, registry.get(name));
  };
  collect(pre);
  eachElement(pre, collect);
  return [...found];
}

// A half-written file (a build stopped mid-write, two builds at once) does not parse: that block is highlighted again.
function readCached(file: string): Cached | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Cached;
  } catch {
    return undefined;
  }
}

export function rehypeHighlight(options: Options) {
  const themes = options.themes ?? {};
  let highlighter: Promise<Highlighter> | undefined;
  // Everything besides the block itself that decides its HTML.
  const salt = JSON.stringify([
    CACHE_FORMAT,
    shikiVersion,
    themes,
    options.defaultColor ?? null,
    (options.transformers ?? []).map((transformer) => transformer.name ?? ''),
  ]);

  // Themes by name once the highlighter has loaded them. Given as an object, Shiki normalizes the theme again for
  // every block, and its cache (keyed by that new object) misses: our light theme was rebuilt for each of the 3,000
  // blocks of 1,000 notes, whose highlighting took 3.9 CPU-s instead of 3.2.
  const themeNames = Object.fromEntries(
    Object.entries(themes).map(([color, theme]) => [color, typeof theme === 'string' ? theme : (theme.name ?? theme)]),
  );

  const engine = scanningOnce(createJavaScriptRegexEngine());

  async function highlight(code: string, requested: string, meta: string | undefined): Promise<Element> {
    highlighter ??= createHighlighter({ langs: ['plaintext'], themes: Object.values(themes), engine });
    const shiki = await highlighter;
    let language = requested;
    if (!isSpecialLang(language) && !shiki.getLoadedLanguages().includes(language)) {
      try {
        await shiki.loadLanguage(language as never);
      } catch {
        console.warn(`[Shiki] The language "${language}" doesn't exist, falling back to "plaintext".`);
        language = 'plaintext';
      }
    }
    engine.forget();
    const root = shiki.codeToHast(code.replace(/(?:\r\n|\r|\n)$/, ''), {
      lang: language,
      themes: themeNames,
      ...(options.defaultColor !== undefined && { defaultColor: options.defaultColor }),
      ...(meta && { meta: { __raw: meta } }),
      transformers: [astroMarkup(language), ...(options.transformers ?? [])],
    });
    return root.children[0] as Element;
  }

  async function cachedHighlight(code: string, language: string, meta: string | undefined): Promise<Element> {
    if (!cache) return highlight(code, language, meta);
    const name = `${createHash('sha256')
      .update(JSON.stringify([salt, code, language, meta ?? null]))
      .digest('hex')}.json`;
    const file = join(cache.dir, name);
    const cached = cache.files.has(name) ? readCached(file) : undefined;
    if (cached) {
      const registry = shikiStyleClasses.getClassRegistry();
      for (const [name, style] of cached.classes) registry.set(name, style as never);
      return cached.pre;
    }
    const pre = await highlight(code, language, meta);
    writeFileSync(file, JSON.stringify({ pre, classes: classesIn(pre) } satisfies Cached));
    cache.files.add(name);
    return pre;
  }

  return async (tree: Root) => {
    // As Astro's highlightCodeBlocks: `<pre>` holding nothing but one `<code>`, language from its `language-*` class.
    const blocks: { pre: Element; code: Element; language: string; parent: Parents }[] = [];
    eachElement(tree, (node, _, parent) => {
      if (node.tagName !== 'pre' || node.children.length !== 1) return;
      const code = node.children[0] as ElementContent;
      if (code.type !== 'element' || code.tagName !== 'code') return;
      const language =
        [code.properties.className ?? []]
          .flat()
          .map((name) => LANGUAGE_CLASS.exec(String(name))?.[1])
          .find(Boolean) || 'plaintext';
      if (!EXCLUDED_LANGUAGES.includes(language)) blocks.push({ pre: node, code, language, parent });
    });
    for (const { pre, code, language, parent } of blocks) {
      const meta = (code.data as { meta?: string } | undefined)?.meta ?? code.properties.metastring;
      const replacement = await cachedHighlight(toString(code), language, typeof meta === 'string' ? meta : undefined);
      parent.children[parent.children.indexOf(pre)] = replacement;
    }
  };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegistry, urlKey, type Registry } from '../../../src/features/citations/registry';
import { resolveHref } from '../../../src/features/citations/resolve';
import { citedIdsIn, citedOn, unusedSourceWarnings } from '../../../src/features/citations/usage';

const fixtures = 'tests/fixtures/citations';

function load(name: string): Registry {
  const file = `${fixtures}/${name}/sources.yaml`;
  return parseRegistry(readFileSync(file, 'utf8'), file);
}

function problems(name: string): string {
  try {
    load(name);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} loaded without an error`);
}

describe('source registry', () => {
  it('loads and validates every entry', () => {
    const registry = load('registry');
    expect(registry.sources.map((source) => source.id)).toEqual([
      'kegel-c10k',
      'coghlan-async-programming',
      'realpython-async-io',
    ]);
    expect(registry.byId.get('kegel-c10k')).toMatchObject({ authors: ['Dan Kegel'], year: 1999, kind: 'article' });
    expect(registry.lineOf.get('coghlan-async-programming')).toBe(10);
  });

  it('rejects a duplicate id, naming both lines', () => {
    expect(problems('registry-duplicate-id')).toBe(
      'A source registry problem needs fixing:\n' +
        'tests/fixtures/citations/registry-duplicate-id/sources.yaml:7: duplicate source id "kegel-c10k" — line 1 already registers it. Give each work its own id, or merge the two entries.',
    );
  });

  it('rejects a malformed URL at the line of its field', () => {
    expect(problems('registry-malformed-url')).toBe(
      'A source registry problem needs fixing:\n' +
        'tests/fixtures/citations/registry-malformed-url/sources.yaml:3: source "kegel-c10k" field "url": Write url as an absolute http(s) address, e.g. https://example.org/page.',
    );
  });

  it('explains a YAML syntax error with its line', () => {
    expect(problems('registry-bad-yaml')).toBe(
      'A source registry problem needs fixing:\n' +
        'tests/fixtures/citations/registry-bad-yaml/sources.yaml:2: Nested mappings are not allowed in compact mappings at line 2, column 10 — fix the YAML syntax (quote a value that contains ": ").',
    );
  });

  it('names a missing field and an unknown kind', () => {
    const text = '- id: x\n  title: X\n  url: https://example.org/x\n  kind: podcast\n';
    expect(() => parseRegistry(text, 'sources.yaml')).toThrow(
      'sources.yaml:1: source "x" field "site": Name the site or publisher the work appears on.\n' +
        'sources.yaml:4: source "x" field "kind": Use one of these kinds: article, essay, talk, documentation, specification, book, paper, video.',
    );
  });

  it('explains an entry that is not a mapping', () => {
    expect(() => parseRegistry('- kegel-c10k\n', 'sources.yaml')).toThrow(
      'sources.yaml:1: each source is a mapping of fields (id, title, url, site, kind, …), written "- id: …" with the other fields indented below it.',
    );
  });

  it('rejects the same work registered twice under two ids', () => {
    const entry = (id: string, url: string) => `- id: ${id}\n  title: T\n  url: ${url}\n  site: S\n  kind: article\n`;
    expect(() =>
      parseRegistry(
        entry('a', 'https://example.org/page/') + entry('b', 'http://www.example.org/page'),
        'sources.yaml',
      ),
    ).toThrow(
      'sources.yaml:8: source "b" has the same url as "a" (line 1) — register each work once and cite that id.',
    );
  });
});

describe('resolving links', () => {
  const registry = load('registry');

  it('compares URLs without scheme, www, trailing slash or fragment', () => {
    expect(urlKey('https://www.Kegel.com/c10k.html#top')).toBe('kegel.com/c10k.html');
    expect(urlKey('http://realpython.com/async-io-python')).toBe('realpython.com/async-io-python');
    expect(urlKey('https://example.org/search?q=1')).toBe('example.org/search?q=1');
  });

  it('resolves registered URLs and ids, and leaves internal links alone', () => {
    expect(resolveHref('https://kegel.com/c10k.html', registry)).toMatchObject({
      kind: 'citation',
      source: { id: 'kegel-c10k' },
      href: 'https://kegel.com/c10k.html',
    });
    expect(resolveHref('source:realpython-async-io', registry)).toMatchObject({
      kind: 'citation',
      href: 'https://realpython.com/async-io-python/',
    });
    expect(resolveHref('source:coghlan-async-programming#a-bit-of-background-info', registry)).toMatchObject({
      kind: 'citation',
      source: { id: 'coghlan-async-programming' },
      href: 'http://python-notes.curiousefficiency.org/en/latest/pep_ideas/async_programming.html#a-bit-of-background-info',
    });
    expect(resolveHref('/introduction/c10k/#c10k', registry)).toEqual({ kind: 'internal' });
    expect(resolveHref('#sources', registry)).toEqual({ kind: 'internal' });
    expect(resolveHref('mailto:someone@example.org', registry)).toEqual({ kind: 'other' });
  });

  it('rejects scheme-relative and host-less URLs', () => {
    expect(resolveHref('//kegel.com/c10k.html', registry)).toEqual({
      kind: 'error',
      problem: 'is a malformed link: write the scheme, e.g. https://kegel.com/c10k.html.',
    });
    expect(resolveHref('https://kegel/c10k.html', registry)).toEqual({
      kind: 'error',
      problem:
        'is a malformed link: "https://kegel/c10k.html" is not a valid URL. Write an absolute http(s) URL such as https://example.org/page.',
    });
  });
});

describe('usage across pages', () => {
  const registry = load('registry');

  it('links each work to the sections citing it, once per section', () => {
    const usage = citedOn([
      {
        href: '/intro/c10k/',
        title: 'The C10K problem',
        citations: {
          sectionSlug: 'sources',
          works: [
            {
              id: 'kegel-c10k',
              places: [
                { anchor: 'cite-kegel-c10k-1', section: null },
                { anchor: 'cite-kegel-c10k-2', section: { slug: 'c10k', text: 'C10K' } },
                { anchor: 'cite-kegel-c10k-3', section: { slug: 'c10k', text: 'C10K' } },
              ],
            },
            { id: 'realpython-async-io', places: [] },
          ],
        },
      },
      { href: '/intro/other/', title: 'Other', citations: undefined },
    ]);
    expect(usage.get('kegel-c10k')).toEqual([
      { href: '/intro/c10k/#cite-kegel-c10k-1', label: 'The C10K problem' },
      { href: '/intro/c10k/#c10k', label: 'The C10K problem › C10K' },
    ]);
    expect(usage.get('realpython-async-io')).toEqual([
      { href: '/intro/c10k/#sources', label: 'The C10K problem (background reading)' },
    ]);
  });

  it('warns about registered works no page cites', () => {
    const cited = new Set(citedIdsIn('<a data-cites="kegel-c10k"></a><li data-cites="realpython-async-io">'));
    expect(unusedSourceWarnings(registry, cited)).toEqual([
      'tests/fixtures/citations/registry/sources.yaml:10: source "coghlan-async-programming" is registered but no page cites it. Cite it from a note (link its URL, write source:coghlan-async-programming, or list it in a note\'s frontmatter "sources"), or remove it from the registry.',
    ]);
  });
});

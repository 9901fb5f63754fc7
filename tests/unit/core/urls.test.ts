import { describe, expect, it } from 'vitest';
import { classifyLink } from '../../../src/core/urls';

const kindOf = (href: string) => classifyLink(href).kind;

describe('classifyLink: the one rule for where a link goes', () => {
  it('reads paths, queries and fragments as this site', () => {
    for (const href of ['/introduction/c10k/', 'c10k/', '../', '?q=1', '#top', '']) expect(kindOf(href)).toBe('site');
  });

  it('accepts http(s) URLs whose host is a domain name or localhost', () => {
    for (const href of [
      'https://example.org/page',
      'HTTP://WWW.Kegel.COM/c10k.html',
      'https://docs.python.org:443/3/',
      'https://xn--bcher-kva.example/',
      'https://example.xn--p1ai/',
      'http://localhost:4321/',
    ]) {
      expect(kindOf(href), href).toBe('web');
    }
    const target = classifyLink('https://example.org/a?b#c');
    expect(target.kind === 'web' && target.url.href).toBe('https://example.org/a?b#c');
  });

  it('rejects a host that is not a domain name, naming it', () => {
    expect(classifyLink('https://example/page')).toEqual({ kind: 'no-host', hostname: 'example' });
    expect(classifyLink('http://127.0.0.1:8000/')).toEqual({ kind: 'no-host', hostname: '127.0.0.1' });
    expect(classifyLink('https://example.c0m/')).toEqual({ kind: 'no-host', hostname: 'example.c0m' });
    expect(classifyLink('https://localhost.localdomain1/')).toEqual({
      kind: 'no-host',
      hostname: 'localhost.localdomain1',
    });
  });

  it('tells a missing scheme, another scheme and an unparsable URL apart', () => {
    expect(classifyLink('//example.org/page')).toEqual({ kind: 'no-scheme' });
    expect(classifyLink('mailto:someone@example.org')).toEqual({ kind: 'other-scheme', scheme: 'mailto' });
    expect(classifyLink('JavaScript:void(0)')).toEqual({ kind: 'other-scheme', scheme: 'javascript' });
    expect(classifyLink('htp://www.kegel.com/')).toEqual({ kind: 'other-scheme', scheme: 'htp' });
    expect(classifyLink('https://exa mple.org/')).toEqual({ kind: 'malformed' });
    expect(classifyLink('http://')).toEqual({ kind: 'malformed' });
  });
});

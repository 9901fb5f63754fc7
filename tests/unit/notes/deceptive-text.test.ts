import { describe, expect, it } from 'vitest';
import { deceptiveText } from '../../../src/features/notes/deceptive-text';

describe('text that does not show what it holds', () => {
  it('names every invisible character: bidirectional controls, zero-width characters, blank fillers', () => {
    expect(deceptiveText('Invoice \u202Efdp.exe')).toMatch(/^holds U\+202E, a bidirectional control/);
    expect(deceptiveText('a\u2067b')).toMatch(/^holds U\+2067, a bidirectional control/);
    for (const char of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']) {
      expect(deceptiveText(`Event${char}loop`)).toMatch(/a zero-width character$/);
    }
    expect(deceptiveText('Event\u3164loop')).toBe('holds U+3164, a character that shows as nothing or as blank space');
    expect(deceptiveText('a\u2800b')).toMatch(/^holds U\+2800/);
    expect(deceptiveText('soft\u00ADhyphen')).toMatch(/^holds U\+00AD, an invisible formatting character/);
    expect(deceptiveText('bell\u0007')).toMatch(/^holds U\+0007, a control character/);
  });

  it('finds a word mixing look-alike scripts and names the odd letter', () => {
    expect(deceptiveText('What is Аsyncio')).toBe(
      'mixes Latin and Cyrillic letters in "Аsyncio" ("А" is U+0410, a Cyrillic letter that looks like a Latin one)',
    );
    expect(deceptiveText('The с10k problem')).toMatch(/"с" is U\+0441, a Cyrillic letter/);
    expect(deceptiveText('Εvent loops')).toMatch(/"Ε" is U\+0395, a Greek letter/);
  });

  it('leaves real text alone: accents, other scripts in words of their own, punctuation, symbols', () => {
    for (const text of [
      'Sätteri – “quoted” 10 µs',
      'Привет, мир',
      '日本語のタイトル',
      'λ calculus',
      'asyncio.gather()',
      'a\u00A0b',
      'tab\tand\nline',
    ]) {
      expect(deceptiveText(text), text).toBeUndefined();
    }
  });
});

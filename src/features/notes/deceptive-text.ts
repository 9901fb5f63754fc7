/**
 * Text that does not show what it holds: characters a reader cannot see or that reorder what is shown (bidirectional
 * controls, zero-width and other format characters, controls), and words that mix look-alike scripts (a Cyrillic "с"
 * in a Latin word). A note's path or title holding one could sit beside the real page, looking the same.
 */

/** Scripts whose letters pass for Latin ones ("а", "е", "о", "с", "р", "х", "ο", "ν"…). */
const LOOK_ALIKE_SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Cherokee'] as const;

const scriptOf = (letter: string) =>
  LOOK_ALIKE_SCRIPTS.find((script) => new RegExp(`\\p{Script=${script}}`, 'u').test(letter));

/** `U+202E`: how a character is named when it cannot be shown. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What an invisible character does, or undefined for a character that shows. Tab and line breaks are layout. */
function invisible(char: string): string | undefined {
  if (/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u.test(char)) {
    return `${codePoint(char)}, a bidirectional control that reorders the text shown around it`;
  }
  if (/[\u200b-\u200d\u2060\ufeff]/u.test(char)) return `${codePoint(char)}, a zero-width character`;
  if (/\p{Cf}/u.test(char)) return `${codePoint(char)}, an invisible formatting character`;
  // Fillers that draw as blank space (U+3164, U+2800), variation selectors, and characters with no glyph of their own.
  if (/[\p{Default_Ignorable_Code_Point}\p{Cs}\p{Co}\u2800]/u.test(char)) {
    return `${codePoint(char)}, a character that shows as nothing or as blank space`;
  }
  if (/[^\t\n\r]/.test(char) && /\p{Cc}/u.test(char)) return `${codePoint(char)}, a control character`;
  return undefined;
}

/** The first word that mixes look-alike scripts, said as a phrase; the odd letter is of the script the word has fewer of. */
function mixedScripts(text: string): string | undefined {
  for (const [word] of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const letters = [...word].flatMap((letter) => {
      const script = scriptOf(letter);
      return script ? [{ letter, script }] : [];
    });
    const count = (script: string) => letters.filter((each) => each.script === script).length;
    const scripts = [...new Set(letters.map((each) => each.script))];
    if (scripts.length < 2) continue;
    // On a tie the odd one out is the script that is not Latin.
    scripts.sort((a, b) => count(b) - count(a) || Number(b === 'Latin') - Number(a === 'Latin'));
    const [main, odd] = scripts as [string, string];
    const { letter } = letters.find((each) => each.script === odd)!;
    return `mixes ${main} and ${odd} letters in "${word}" ("${letter}" is ${codePoint(letter)}, a ${odd} letter that looks like a ${main} one)`;
  }
  return undefined;
}

/**
 * Why `text` may not show what it holds, as a phrase to follow "the title …" or "the file name …"; undefined when
 * every character shows and no word mixes scripts.
 */
export function deceptiveText(text: string): string | undefined {
  for (const char of text) {
    const what = invisible(char);
    if (what) return `holds ${what}`;
  }
  return mixedScripts(text);
}

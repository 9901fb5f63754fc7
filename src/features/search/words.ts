/**
 * Which searched words count: the landing page marks them, and a part of a page
 * is chosen by how many of them it holds (landing.ts). Pagefind searches every
 * word typed, so "cancel a task" also matches each "a"; words of one or two
 * letters and English stop words carry no meaning of their own, so they are
 * never marked and never decide where a result opens.
 */
const STOP_WORDS = new Set(
  (
    'about also and any are but can did does for from had has have her his how its not now our out she than that the ' +
    'their them then there these they this those too use was way were what when where which who why will with you your'
  ).split(' '),
);

/** A word lowercased, without the brackets and punctuation Pagefind drops from a query ("sleep(0)" is "sleep0"). */
export function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._$]+/gu, '')
    .replace(/^\.+|\.+$/g, '');
}

/** Whether a word of the query is worth marking and ranking by. */
export function isMeaningful(word: string): boolean {
  const normal = normalizeWord(word);
  return normal.length > 2 && !STOP_WORDS.has(normal);
}

/**
 * The stem two forms of a word share ("concurrency", "concurrent"; "task",
 * "tasks"), so one searched word found in two forms counts once.
 */
export function wordStem(word: string): string {
  return normalizeWord(word).slice(0, 5);
}

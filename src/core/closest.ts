import { closest as closestString } from 'fastest-levenshtein';

/** The candidate whose key is nearest to `target` by edit distance (first one wins a tie), or undefined when none. */
export function closest<T>(target: string, candidates: readonly T[], key: (candidate: T) => string): T | undefined {
  const keys = candidates.map(key);
  return candidates[keys.indexOf(closestString(target, keys))];
}

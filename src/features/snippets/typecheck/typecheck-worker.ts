/**
 * The type checker's worker (its own chunk, loaded from our origin when a reader edits a TypeScript snippet): parsing
 * the libs and checking never block typing. Answers each CheckRequest in turn.
 */
import { createChecker } from './checker';
import { libFiles } from './libs';
import type { CheckAnswer, CheckRequest } from './protocol';

const checker = createChecker(libFiles);

self.addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  const { id, code } = event.data;
  const answer: CheckAnswer = { id, problems: checker.check(code) };
  self.postMessage(answer);
});

/**
 * The page's side of the type checker: one worker per page, started by the first check (on Edit of a TypeScript
 * snippet), kept for the page's later edits.
 */
import workerUrl from './typecheck-worker.ts?worker&url';
import type { CheckAnswer, CheckRequest, TypeProblem } from './protocol';

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (problems: TypeProblem[]) => void; reject: (error: Error) => void }>();

function start(): Worker {
  const started = new Worker(workerUrl, { name: 'TypeScript checker' });
  started.addEventListener('message', (event: MessageEvent<CheckAnswer>) => {
    waiting.get(event.data.id)?.resolve(event.data.problems);
    waiting.delete(event.data.id);
  });
  started.addEventListener('error', (event) => {
    // The checker could not load or crashed: every check waiting fails, and the next one starts a fresh worker.
    for (const { reject } of waiting.values()) reject(new Error(`The TypeScript checker failed: ${event.message}`));
    waiting.clear();
    started.terminate();
    if (worker === started) worker = undefined;
  });
  return started;
}

/** TypeScript's problems with `code`, checked in the worker. */
export function typeCheck(code: string): Promise<TypeProblem[]> {
  worker ??= start();
  const id = ++nextId;
  const request: CheckRequest = { id, code };
  worker.postMessage(request);
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
}

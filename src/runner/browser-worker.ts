/**
 * The page's sandbox: a dedicated Web Worker built as its own same-origin file.
 * It has no access to the page's DOM, storage or cookies, and a fresh one runs
 * every snippet.
 */
import { runInSandbox } from './sandbox.ts';
import type { RunRequest } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener(
  'message',
  (event: MessageEvent<RunRequest>) => {
    runInSandbox(event.data.code, {
      post: (message) => scope.postMessage(message),
      onUncaught: (handler) => {
        scope.addEventListener('error', (error) => {
          error.preventDefault();
          handler(error.error ?? error.message, 'exception');
        });
        scope.addEventListener('unhandledrejection', (rejection) => {
          rejection.preventDefault();
          handler(rejection.reason, 'rejection');
        });
      },
    });
  },
  { once: true },
);

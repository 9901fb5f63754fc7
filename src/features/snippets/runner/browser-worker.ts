/**
 * The page's sandbox: a dedicated Web Worker built as its own same-origin file.
 * It has no access to the page's DOM, storage or cookies, and a fresh one runs
 * every snippet.
 */
import { runInSandbox } from './sandbox.ts';
import type { RunRequest, SandboxMessage } from './protocol.ts';

/** The part of DedicatedWorkerGlobalScope used here (the project's types are the DOM's). */
interface WorkerScope {
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<RunRequest>) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
  postMessage(message: SandboxMessage): void;
}

const scope = self as unknown as WorkerScope;

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

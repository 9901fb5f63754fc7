/**
 * The page's TypeScript sandbox worker. The sandboxed frame (sandbox-frame.ts)
 * starts it from a blob: URL, so it runs in the frame's opaque origin under
 * the frame's Content-Security-Policy: no network, no storage, nested workers
 * only from blob: URLs and under the same policy. It hears from the host only
 * on the MessagePort the frame passes in (protocol.ts), and a fresh one runs
 * every snippet.
 */
import { runInSandbox } from './sandbox.ts';
import type { ConnectRequest, RunRequest, SandboxMessage } from './protocol.ts';

/** The part of DedicatedWorkerGlobalScope used here (the project's types are the DOM's). */
interface WorkerScope {
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<ConnectRequest>) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener(
  'message',
  (event) => {
    const port = event.ports[0];
    if (event.data?.type !== 'connect' || !port) return;
    // Bound now, before any snippet code can replace MessagePort.prototype.postMessage.
    const post = MessagePort.prototype.postMessage.bind(port) as (message: SandboxMessage) => void;
    port.addEventListener(
      'message',
      (request: MessageEvent<RunRequest>) => {
        runInSandbox(request.data.code, {
          post,
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
    port.start();
  },
  { once: true },
);

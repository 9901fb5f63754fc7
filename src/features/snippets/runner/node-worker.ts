/**
 * The sandbox in Node (doctests): a worker thread that runs one snippet with
 * the same capture as the page's Web Worker, plus a Web `Worker` for snippets
 * that start their own workers.
 */
import { parentPort } from 'node:worker_threads';
import { installWebWorker } from './node-web-worker.ts';
import { runInSandbox } from './sandbox.ts';
import type { RunRequest } from './protocol.ts';

if (!parentPort)
  throw new Error(
    'src/features/snippets/runner/node-worker.ts runs only as a worker thread (see src/features/snippets/runner/node.ts).',
  );
const port = parentPort;
installWebWorker();

port.once('message', (request: RunRequest) => {
  runInSandbox(request.code, {
    post: (message) => port.postMessage(message),
    onUncaught: (handler) => {
      process.on('uncaughtException', (error) => handler(error, 'exception'));
      process.on('unhandledRejection', (reason) => handler(reason, 'rejection'));
    },
  });
});

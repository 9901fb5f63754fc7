/**
 * The TypeScript sandbox in Node, for the runner's unit tests (the doctests
 * run in Chromium): a worker thread that runs one snippet with
 * the same capture as the page's Web Worker, plus a Web `Worker` for snippets
 * that start their own workers.
 */
import { parentPort } from 'node:worker_threads';
import { installWebWorker } from './web-worker.ts';
import { runInSandbox } from '../../../../src/features/snippets/runner/sandbox.ts';
import type { RunRequest } from '../../../../src/features/snippets/runner/protocol.ts';

if (!parentPort)
  throw new Error('tests/unit/snippets/node/runner-worker.ts runs only as a worker thread (see runner.ts).');
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

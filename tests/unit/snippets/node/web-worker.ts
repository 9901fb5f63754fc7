/**
 * The Web Worker API (`new Worker(blobUrl)`, `postMessage`, `onmessage`,
 * `terminate`) on top of Node's worker threads, so a snippet written for the
 * page's sandbox runs unchanged in the runner's unit tests. Scripts come from `blob:` or
 * `data:` URLs, the way a snippet builds them.
 */
import { resolveObjectURL } from 'node:buffer';
import { Worker as ThreadWorker } from 'node:worker_threads';

// Runs first in each thread: gives the script a worker-like global scope.
const PRELUDE = `
const { parentPort } = require('node:worker_threads');
const scope = new EventTarget();
globalThis.self = globalThis;
globalThis.addEventListener = scope.addEventListener.bind(scope);
globalThis.removeEventListener = scope.removeEventListener.bind(scope);
globalThis.postMessage = (data) => parentPort.postMessage(data);
globalThis.close = () => process.exit(0);
parentPort.on('message', (data) => {
  const event = new MessageEvent('message', { data });
  if (typeof globalThis.onmessage === 'function') globalThis.onmessage(event);
  scope.dispatchEvent(event);
});
`;

async function scriptSource(url: string): Promise<string> {
  if (url.startsWith('blob:')) {
    const blob = resolveObjectURL(url);
    if (!blob) throw new Error(`No Blob is registered for ${url}`);
    return blob.text();
  }
  if (url.startsWith('data:')) return (await fetch(url)).text();
  throw new Error(`The Node sandbox starts workers from blob: or data: URLs only, not ${url}`);
}

class WebWorker extends EventTarget {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly #thread: Promise<ThreadWorker | null>;

  constructor(url: string | URL) {
    super();
    this.#thread = scriptSource(String(url)).then(
      (source) => {
        const thread = new ThreadWorker(PRELUDE + source, { eval: true });
        thread.on('message', (data: unknown) => this.#deliver(new MessageEvent('message', { data })));
        thread.on('error', (error: Error) => this.#fail(error));
        return thread;
      },
      (error: unknown) => {
        this.#fail(error);
        return null;
      },
    );
  }

  #deliver(event: MessageEvent): void {
    this.onmessage?.(event);
    this.dispatchEvent(event);
  }

  // As in a browser, a failing worker script is reported to the page through
  // an `error` event on the Worker object, not thrown in the parent.
  #fail(error: unknown): void {
    const event = Object.assign(new Event('error'), {
      error,
      message: error instanceof Error ? error.message : String(error),
    });
    this.onerror?.(event);
    this.dispatchEvent(event);
  }

  postMessage(data: unknown): void {
    void this.#thread.then((thread) => thread?.postMessage(data));
  }

  terminate(): void {
    void this.#thread.then((thread) => thread?.terminate());
  }
}

export function installWebWorker(): void {
  if (!('Worker' in globalThis)) Object.assign(globalThis, { Worker: WebWorker });
}

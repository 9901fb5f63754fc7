/**
 * The page's side of the sandbox: a hidden sandboxed frame per runtime and
 * page (sandbox-frame.ts), created on the reader's first intent to run, and
 * workers in it that talk to the page over their own MessagePort. Messages
 * from a frame count only when they come from that frame's window with the
 * opaque origin 'null'. TypeScript gets a fresh worker per run (below);
 * Python gets a fresh interpreter per run, each in a worker of its own frame (python/session.ts).
 */
import workerUrl from './browser-worker.ts?worker&url';
import type { SandboxWorker } from './host';
import type { FrameEvent, FrameRequest, RunRequest } from './protocol';

declare const __SNIPPET_SANDBOX_FRAME__: string;

type Failure = (message: string) => void;

/** How long after its load event the frame may take to say 'ready'. */
const FRAME_GRACE_MS = 5000;

/** A worker in a sandbox frame, as its host sees it. */
export interface FramedWorker {
  /** The worker's end is handed to it by the frame; messages sent before it is up wait here. */
  port: MessagePort;
  onFailure(listener: Failure): void;
  terminate(): void;
}

export interface FrameHost {
  /** Loads the frame and the worker script; safe to call often (pointer over, focus). */
  prepare(): Promise<unknown>;
  spawn(): FramedWorker;
}

export interface FrameOptions {
  /** The frame document's path under the site's base (`_astro/…html`). */
  file: string;
  title: string;
  /** The worker script (one classic script, fetched from our origin and started by the frame from a blob: URL). */
  workerUrl: string;
}

function openFrame({ file, title }: FrameOptions, failures: Map<number, Failure>): Promise<Window> {
  return new Promise((resolve, reject) => {
    const iframe = document.createElement('iframe');
    // allow-scripts only: no allow-same-origin, so the frame's origin is opaque.
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.title = title;
    iframe.hidden = true;
    let ready = false;
    window.addEventListener('message', (event: MessageEvent<FrameEvent>) => {
      if (event.source !== iframe.contentWindow || event.origin !== 'null') return;
      const message = event.data;
      if (message.type === 'ready' && iframe.contentWindow) {
        ready = true;
        iframe.dataset.ready = '';
        resolve(iframe.contentWindow);
      } else if (message.type === 'failure') failures.get(message.id)?.(message.message);
    });
    // The frame says 'ready' while it loads, but that message may be delivered after the load event: only a
    // load that stays without it for a while is a missing or blocked frame.
    iframe.addEventListener('load', () => {
      setTimeout(() => {
        if (!ready) reject(new Error('the sandbox frame did not start'));
      }, FRAME_GRACE_MS);
    });
    iframe.src = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${file}`;
    document.body.append(iframe);
  });
}

function fetchWorkerSource(url: string): Promise<string> {
  return fetch(url).then((response) =>
    response.ok ? response.text() : Promise.reject(new Error(`the sandbox script answered ${response.status}`)),
  );
}

export function frameHost(options: FrameOptions): FrameHost {
  const failures = new Map<number, Failure>();
  let frame: Promise<Window> | undefined;
  let workerSource: Promise<string> | undefined;
  let nextId = 1;
  const load = () => {
    frame ??= openFrame(options, failures);
    workerSource ??= fetchWorkerSource(options.workerUrl);
    return Promise.all([frame, workerSource]);
  };
  const forget = () => {
    frame = undefined;
    workerSource = undefined;
  };

  return {
    prepare() {
      const both = load();
      // A failed load is tried again on the next intent, and reported by the run that needed it.
      both.catch(forget);
      return both;
    },
    spawn() {
      const id = nextId++;
      const channel = new MessageChannel();
      let terminated = false;
      let failed: string | undefined;
      let onFailure: Failure = (message) => (failed = message);
      failures.set(id, (message) => onFailure(message));

      const ready = load();
      ready.then(
        ([window, source]) => {
          if (terminated) return;
          const request: FrameRequest = { type: 'spawn', id, source, port: channel.port2 };
          window.postMessage(request, '*', [channel.port2]);
        },
        (error: unknown) => {
          forget();
          onFailure(error instanceof Error ? error.message : String(error));
        },
      );

      return {
        port: channel.port1,
        onFailure: (listener) => {
          onFailure = listener;
          if (failed !== undefined) listener(failed);
        },
        terminate: () => {
          terminated = true;
          failures.delete(id);
          channel.port1.close();
          void ready.then(
            ([window]) => window.postMessage({ type: 'terminate', id } satisfies FrameRequest, '*'),
            () => {},
          );
        },
      };
    },
  };
}

const typescript = frameHost({ file: __SNIPPET_SANDBOX_FRAME__, title: 'Snippet sandbox', workerUrl });

export const prepareSandbox = (): Promise<unknown> => typescript.prepare();

/** A fresh TypeScript worker in the frame, speaking the snippet protocol. */
export function spawnInFrame(): SandboxWorker {
  const worker = typescript.spawn();
  return {
    send: (request: RunRequest) => worker.port.postMessage(request),
    onMessage: (listener) => {
      worker.port.onmessage = (event: MessageEvent<unknown>) => listener(event.data);
    },
    onFailure: worker.onFailure,
    terminate: worker.terminate,
  };
}

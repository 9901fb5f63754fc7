/**
 * The page's side of the sandbox: one hidden sandboxed frame per page
 * (sandbox-frame.ts), created on the reader's first intent to run, and a fresh
 * worker in it for every run, talking to the page over its own MessagePort.
 * Messages from the frame count only when they come from that frame's window
 * with the opaque origin 'null'.
 */
import workerUrl from './browser-worker.ts?worker&url';
import type { SandboxWorker } from './host';
import type { FrameEvent, FrameRequest, RunRequest } from './protocol';

declare const __SNIPPET_SANDBOX_FRAME__: string;

type Failure = (message: string) => void;

/** How long after its load event the frame may take to say 'ready'. */
const FRAME_GRACE_MS = 5000;

const failures = new Map<number, Failure>();
let frame: Promise<Window> | undefined;
let workerSource: Promise<string> | undefined;
let nextId = 1;

function openFrame(): Promise<Window> {
  return new Promise((resolve, reject) => {
    const iframe = document.createElement('iframe');
    // allow-scripts only: no allow-same-origin, so the frame's origin is opaque.
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.title = 'Snippet sandbox';
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
    iframe.src = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${__SNIPPET_SANDBOX_FRAME__}`;
    document.body.append(iframe);
  });
}

function fetchWorkerSource(): Promise<string> {
  return fetch(workerUrl).then((response) =>
    response.ok ? response.text() : Promise.reject(new Error(`the sandbox script answered ${response.status}`)),
  );
}

/** Loads the frame and the worker script; safe to call often (pointer over, focus). */
export function prepareSandbox(): Promise<unknown> {
  frame ??= openFrame();
  workerSource ??= fetchWorkerSource();
  const both = Promise.all([frame, workerSource]);
  // A failed load is tried again on the next intent, and reported by the run that needed it.
  both.catch(() => {
    frame = undefined;
    workerSource = undefined;
  });
  return both;
}

/** A fresh worker in the frame; requests sent before it is up wait in its port. */
export function spawnInFrame(): SandboxWorker {
  const id = nextId++;
  const channel = new MessageChannel();
  let terminated = false;
  let failed: string | undefined;
  let onFailure: Failure = (message) => (failed = message);
  failures.set(id, (message) => onFailure(message));

  const ready = Promise.all([(frame ??= openFrame()), (workerSource ??= fetchWorkerSource())]);
  ready.then(
    ([window, source]) => {
      if (terminated) return;
      const request: FrameRequest = { type: 'spawn', id, source, port: channel.port2 };
      window.postMessage(request, '*', [channel.port2]);
    },
    (error: unknown) => {
      frame = undefined;
      workerSource = undefined;
      onFailure(error instanceof Error ? error.message : String(error));
    },
  );

  return {
    send: (request: RunRequest) => channel.port1.postMessage(request),
    onMessage: (listener) => {
      channel.port1.onmessage = (event: MessageEvent<unknown>) => listener(event.data);
    },
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
}

/**
 * A page with nothing but the reader's Python runner (session.ts: the same
 * sandboxed frame, worker, harness, limits and caps), for tools that must run
 * code nobody reviewed yet — the importer runs imported notes' Python blocks
 * here, in Chromium, never in Node. `scripts/import/python-sandbox.ts` builds
 * and serves it.
 */
import type { EndReason } from '../../runner/host';
import { runPython } from '../session';

export interface HeadlessResult {
  reason: EndReason;
  texts: string[];
}

declare global {
  interface Window {
    runPythonSnippet(code: string, limitMs: number): Promise<HeadlessResult>;
  }
}

window.runPythonSnippet = async (code, limitMs) => {
  const { reason, lines } = await runPython({ code, limitMs, onLine: () => {}, onProgress: () => {} }).result;
  return { reason, texts: lines.map((line) => line.text) };
};
document.body.dataset.ready = '';

import { describe, expect, test } from 'vitest';
import { startRun, type SandboxWorker } from '../../../src/features/snippets/runner/host';
import { OUTPUT_LIMITS, truncationNote } from '../../../src/features/snippets/runner/protocol';

/** A worker that posts `messages` as soon as the run starts, then says done: what hostile code in the sandbox could send. */
function floodingWorker(messages: unknown[]): () => SandboxWorker {
  return () => {
    let listener: (message: unknown) => void = () => {};
    return {
      send: () => {
        for (const message of messages) listener(message);
        listener({ type: 'done', failed: false });
      },
      onMessage: (next) => (listener = next),
      onFailure: () => {},
      terminate: () => {},
    };
  };
}

const line = (text: string) => ({ type: 'line', line: { level: 'log', text, ms: 1 } });
const run = (messages: unknown[]) => startRun({ code: '', spawn: floodingWorker(messages) }).result;

describe('the host caps what one run may print', () => {
  test('200,000 messages: the rest after OUTPUT_LIMITS.messages is dropped with one note', async () => {
    const result = await run(Array.from({ length: 200_000 }, (_, i) => (i % 2 ? i : line(String(i)))));
    expect(result.truncated).toBe(true);
    expect(result.lines.length).toBeLessThanOrEqual(OUTPUT_LIMITS.messages / 2 + 1);
    expect(result.lines.at(-1)?.text).toBe(truncationNote());
    expect(result.reason).toBe('finished');
  });

  test('one 50 MB line is cut to the character budget', async () => {
    const result = await run([line('x'.repeat(50_000_000))]);
    expect(result.lines.map((shown) => shown.text.length)).toEqual([OUTPUT_LIMITS.characters, truncationNote().length]);
  });

  test('1,000 lines of 200 kB: five fit, then the note', async () => {
    const big = 'y'.repeat(200_000);
    const result = await run(Array.from({ length: 1000 }, () => line(big)));
    expect(result.lines.map((shown) => shown.text.length)).toEqual([
      200_000,
      200_000,
      200_000,
      200_000,
      200_000,
      truncationNote().length,
    ]);
  });

  test('more than OUTPUT_LIMITS.lines lines', async () => {
    const result = await run(Array.from({ length: 5000 }, (_, i) => line(String(i))));
    expect(result.lines).toHaveLength(OUTPUT_LIMITS.lines + 1);
    expect(result.lines.at(-1)?.level).toBe('warn');
  });

  test('the cut note is marked as the host notice, and a worker cannot mark a line as one', async () => {
    const forged = { type: 'line', line: { level: 'warn', text: truncationNote(), ms: 0, notice: 'truncated' } };
    const result = await run([forged, ...Array.from({ length: 5000 }, (_, i) => line(String(i)))]);
    expect(result.lines.filter((shown) => shown.notice === 'truncated').map((shown) => shown.text)).toEqual([
      truncationNote(),
    ]);
    expect(result.lines[0]).toEqual({ level: 'warn', text: truncationNote(), ms: 0 });
    expect(result.lines.at(-1)?.notice).toBe('truncated');
  });

  test('malformed messages are dropped, not shown', async () => {
    const result = await run([
      { type: 'line', line: { level: 'alert', text: 'x', ms: 0 } },
      { type: 'line', line: { level: 'log', text: 42, ms: 0 } },
      'line',
      null,
      line('kept'),
    ]);
    expect(result.lines.map((shown) => shown.text)).toEqual(['kept']);
  });
});

/**
 * TypeScript → JavaScript for snippets: sucrase with only its `typescript`
 * transform strips types and keeps every line where it was, so line numbers in
 * errors match the code the reader sees. Used at build time (remark plugin)
 * and in the page after Edit (loaded as its own chunk).
 */
import { transform } from 'sucrase';

export type TranspileResult = { ok: true; code: string } | { ok: false; message: string; line: number; column: number };

export function transpile(source: string): TranspileResult {
  try {
    return { ok: true, code: transform(source, { transforms: ['typescript'], disableESTransforms: true }).code };
  } catch (error) {
    const { loc } = error as { loc?: { line: number; column: number } };
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\(\d+:\d+\)$/, '');
    return { ok: false, message, line: loc?.line ?? 1, column: loc?.column ?? 1 };
  }
}

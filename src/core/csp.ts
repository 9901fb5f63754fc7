import { createHash } from 'node:crypto';
import type { AstroUserConfig } from 'astro';
import { THEME_SCRIPT } from '../features/theme/theme-script';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

function sha256(source: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(source).digest('base64')}`;
}

/**
 * The Content-Security-Policy every page carries (Astro writes it as a <meta> tag
 * and adds the hashes of the scripts and styles it bundles). Everything comes from
 * our own origin; nothing inline runs unless its hash is listed.
 *
 * - 'wasm-unsafe-eval': Pagefind searches with WebAssembly.
 * - worker-src 'self': Pagefind searches in a Web Worker, as will the snippet runner.
 * - worker-src blob: the Python runner's worker starts from a blob: URL so that it inherits this policy
 *   (src/features/snippets/python/session.ts); its Pyodide files are same-origin ('self').
 * - img-src data: Pagefind's stylesheet draws its icons as data: SVGs.
 * - Directives a <meta> policy ignores (frame-ancestors, sandbox, report-uri) belong
 *   in the host's HTTP headers, not here.
 */
export const contentSecurityPolicy: CspConfig = {
  algorithm: 'SHA-256',
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  scriptDirective: {
    resources: ["'self'", "'wasm-unsafe-eval'"],
    // The theme script is inline by design (see ThemeScript.astro), so Astro cannot hash it.
    hashes: [sha256(THEME_SCRIPT)],
  },
  styleDirective: {
    resources: ["'self'"],
  },
};

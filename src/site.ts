/**
 * Site-wide settings: the one place that names the site, its public URL and the
 * repository contributors edit. Everything else imports from here.
 */
export interface SiteSettings {
  /** Shown in the header, the <title> suffix and Open Graph tags. */
  title: string;
  description: string;
  /** Absolute origin the site is deployed to; used for canonical URLs and the sitemap. */
  url: string;
  /** Path prefix the site is served under ('/' or '/repo-name/'). */
  base: string;
  lang: string;
  repository: {
    /** Web URL of the repository, without a trailing slash. */
    url: string;
    branch: string;
  };
}

// SITE_URL / SITE_BASE let a deploy (e.g. GitHub Pages under /repo-name/) move the
// site without touching code; SITE_REPOSITORY / SITE_BRANCH point the edit links at
// the repository that deploys it (the Pages workflow sets them from `github.*`).
const env = typeof process === 'undefined' ? {} : process.env;

export const site: SiteSettings = {
  title: 'Async I/O, explained',
  description:
    'Learn asynchronous I/O from first principles: concurrency vs parallelism, the C10K problem, processes vs threads vs event loops — with runnable Python and TypeScript examples.',
  url: env.SITE_URL ?? 'https://asyncio-notes.example.org',
  base: env.SITE_BASE ?? '/',
  lang: 'en',
  repository: {
    url: env.SITE_REPOSITORY || 'https://github.com/asyncio-notes/asyncio-notes',
    branch: env.SITE_BRANCH || 'main',
  },
};

import { z } from 'astro/zod';

/** What kind of work a source is; the Sources page groups by it, in this order. */
export const SOURCE_KINDS = [
  'article',
  'essay',
  'talk',
  'documentation',
  'specification',
  'book',
  'paper',
  'video',
] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * One cited work in content/sources/sources.yaml. The single definition: the
 * `sources` collection and the citation plugin's loader both validate with it.
 * Free of `astro:content` imports so the Markdown pipeline and unit tests can use it.
 */
export const sourceSchema = z
  .object({
    /** Stable handle for `source:<id>` links and the /sources/#<id> anchor. */
    id: z
      .string({ error: 'Give the source an id in kebab-case, e.g. "kegel-c10k".' })
      .regex(kebab, 'Write the id in kebab-case, e.g. "kegel-c10k".'),
    title: z
      .string({ error: 'Give the source its title, as the work itself names it.' })
      .trim()
      .min(1, 'Give the source its title, as the work itself names it.'),
    url: z.url({
      protocol: /^https?$/,
      error: 'Write url as an absolute http(s) address, e.g. https://example.org/page.',
    }),
    /** People credited for the work, as they sign it; empty when the work names none. */
    authors: z.array(z.string().trim().min(1, 'Leave out empty author names.')).default([]),
    /** Site or publisher the work appears on. */
    site: z
      .string({ error: 'Name the site or publisher the work appears on.' })
      .trim()
      .min(1, 'Name the site or publisher the work appears on.'),
    kind: z.enum(SOURCE_KINDS, { error: `Use one of these kinds: ${SOURCE_KINDS.join(', ')}.` }),
    /** Year of publication, when the work states it. */
    year: z
      .number({ error: 'Write year as a number, e.g. 2019.' })
      .int('Write year as a whole number, e.g. 2019.')
      .min(1900, 'Write a four-digit year, e.g. 2019.')
      .max(2100, 'Write a four-digit year, e.g. 2019.')
      .optional(),
    /** Short context a reader needs, e.g. who gave a talk a blog post presents. */
    note: z.string().trim().min(1).optional(),
  })
  .strict();

export type Source = z.infer<typeof sourceSchema>;

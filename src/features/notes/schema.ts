import { z } from 'astro/zod';
import { deceptiveText } from './deceptive-text';

/** Search engines cut descriptions at about this length; Pagefind shows it as the excerpt. */
export const DESCRIPTION_MAX = 200;

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Refuses text that does not show what it holds (deceptive-text.ts): a title could pass for another page's. */
const showsWhatItHolds = (field: string) => (value: string, ctx: z.RefinementCtx) => {
  const why = deceptiveText(value);
  if (why)
    ctx.addIssue({ code: 'custom', message: `the ${field} ${why}: retype it with only the characters it shows.` });
};

/**
 * Frontmatter of a note. Kept free of `astro:content` imports so unit tests can
 * validate fixtures without an Astro build.
 */
export const noteSchema = z
  .object({
    title: z
      .string({ error: 'Write the title as text.' })
      .trim()
      .min(1, 'Give the note a title.')
      .max(90, 'Keep the title under 90 characters.')
      .superRefine(showsWhatItHolds('title')),
    description: z
      .string({ error: 'Write the description as text (one or two sentences).' })
      .trim()
      .min(40, 'Write a description of at least 40 characters: it is the search excerpt and the meta description.')
      .max(DESCRIPTION_MAX, `Shorten the description to ${DESCRIPTION_MAX} characters or fewer.`)
      .superRefine(showsWhatItHolds('description')),
    /** Sidebar group the note appears under. */
    section: z
      .string({ error: 'Name the sidebar section as text.' })
      .trim()
      .min(1, 'Name the sidebar section this note belongs to.')
      .superRefine(showsWhatItHolds('section name')),
    /** Position inside its section, 1 = first. */
    order: z
      .number({ error: 'Write order as a whole number, e.g. 2.' })
      .int('Use a whole number for order.')
      .positive('Use an order of 1 or more.'),
    tags: z
      .array(z.string().regex(kebab, 'Write tags in kebab-case, e.g. "event-loop".'), {
        error: 'Write tags as a list, e.g. [event-loop, threads].',
      })
      .default([]),
    updated: z.coerce.date({ error: 'Write updated as a date, e.g. 2026-11-25.' }),
    /**
     * Registered works (ids from content/sources/sources.yaml) the page relies on
     * without linking them; they join the page's Sources list. The build checks the ids.
     */
    sources: z
      .array(z.string().regex(kebab, 'Write source ids in kebab-case, as registered, e.g. "kegel-c10k".'))
      .default([]),
    /** Drafts render in `npm run dev` but are left out of the production build. */
    draft: z.boolean({ error: 'Write draft as true or false.' }).default(false),
  })
  .strict();

export type NoteFrontmatter = z.infer<typeof noteSchema>;

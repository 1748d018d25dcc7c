/** The content collections: the docs read from the top-level `content/` folder, and the landing page's snippets. */
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { contentSlug } from './content-slug.ts';

export const collections = {
  docs: defineCollection({
    loader: glob({
      pattern: ['index.md', 'docs/**/*.md'],
      base: './content',
      generateId: ({ entry }) => contentSlug(entry),
    }),
    schema: docsSchema(),
  }),
  /** Markdown rendered inside the landing page (code fences go through Expressive Code like the docs). */
  landing: defineCollection({
    loader: glob({ pattern: '*.md', base: './content/landing' }),
    schema: z.object({ title: z.string() }),
  }),
};

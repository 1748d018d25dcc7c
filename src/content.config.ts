/** The content collections: the docs read from the top-level `content/` folder. */
import { defineCollection } from 'astro:content';
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
};

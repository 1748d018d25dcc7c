// Site configuration: integrations and Vite settings only; no logic lives here.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import apparmorGrammar from './src/syntax/apparmor.tmLanguage.json' with { type: 'json' };
import { customizeApparmorColours } from './src/syntax/code-theme.ts';
import { lazyMonacoCss } from './src/ui/playground/lazy-monaco-css.ts';

export default defineConfig({
  site: 'http://localhost:4321',
  // 'auto' inlines a small stylesheet into the page and drops its file, but a lazily imported chunk
  // (xterm.css, loaded with xterm-view.ts) still preloads that file: a 404 on every terminal page.
  build: { inlineStylesheets: 'never' },
  // Monaco's stylesheets arrive with its lazy chunk, not as render-blocking links in the page head.
  vite: { plugins: [lazyMonacoCss()] },
  integrations: [
    starlight({
      title: 'AppArmor Lab',
      description: 'Learn AppArmor in Kubernetes by doing it: docs, a simulated node and cluster, offline.',
      logo: { src: './public/favicon.svg', replacesTitle: false },
      favicon: '/favicon.svg',
      customCss: ['./src/styles/theme.css'],
      expressiveCode: {
        shiki: { engine: 'javascript', langs: [apparmorGrammar] },
        customizeTheme: customizeApparmorColours,
      },
      // Starlight's autogenerate matches an entry's file path after stripping `src/content/docs/` only; our
      // collection lives in the top-level content/ (DESIGN.md §1), so directories are named from the root.
      sidebar: [
        { label: 'Basics', items: [{ autogenerate: { directory: 'content/docs/01-basics' } }] },
        { label: 'The profile language', items: [{ autogenerate: { directory: 'content/docs/02-language' } }] },
        { label: 'Kubernetes', items: [{ autogenerate: { directory: 'content/docs/03-kubernetes' } }] },
        { label: 'Reference', items: [{ autogenerate: { directory: 'content/docs/04-reference' } }] },
      ],
    }),
  ],
});

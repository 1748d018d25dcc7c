// Site configuration: integrations and Vite settings only; no logic lives here.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import apparmorGrammar from './src/syntax/apparmor.tmLanguage.json' with { type: 'json' };

export default defineConfig({
  site: 'http://localhost:4321',
  integrations: [
    starlight({
      title: 'AppArmor Lab',
      description: 'Learn AppArmor in Kubernetes by doing it: docs, a simulated node and cluster, offline.',
      logo: { src: './public/favicon.svg', replacesTitle: false },
      favicon: '/favicon.svg',
      expressiveCode: {
        shiki: { engine: 'javascript', langs: [apparmorGrammar] },
      },
      sidebar: [
        { label: 'Basics', items: [{ autogenerate: { directory: 'docs/basics' } }] },
        { label: 'The profile language', items: [{ autogenerate: { directory: 'docs/language' } }] },
        { label: 'Kubernetes', items: [{ autogenerate: { directory: 'docs/kubernetes' } }] },
        { label: 'Reference', items: [{ autogenerate: { directory: 'docs/reference' } }] },
      ],
    }),
  ],
});

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentValidation } from './src/lib/validate/integration.ts';

// SITE_URL and BASE_PATH let the same build serve from a domain root or a sub-path
// (GitHub Pages project sites: BASE_PATH=/<repository>/).
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://election-integrity-timeline.github.io',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  output: 'static',
  // Embeds and handouts are not pages to find from a search engine.
  integrations: [contentValidation(), mdx(), sitemap({ filter: (page) => !page.includes('/embed/timeline/') })],
  server: { host: '127.0.0.1', port: 4321 },
});

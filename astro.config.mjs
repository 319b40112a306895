// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentValidation } from './src/lib/validate/integration.ts';

// SITE_URL and BASE_PATH let the same build serve from a domain root or a sub-path
// (GitHub Pages project sites: BASE_PATH=/<repository>/).
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://election-integrity-timeline.github.io',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  output: 'static',
  integrations: [contentValidation(), mdx()],
  server: { host: '127.0.0.1', port: 4321 },
});

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { SITE } from './src/lib/site.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { contentGuard } from './src/lib/content/mdx-guard.ts';
import { inlineQuotes } from './src/lib/content/inline-quotes.ts';
import { MDX_FEATURES } from './src/lib/content/mdx-options.ts';
import { contentValidation } from './src/integrations/content-validation.ts';
import { reach } from './src/integrations/reach.ts';

// SITE_URL and BASE_PATH let the same build serve from a domain root or a sub-path
// (GitHub Pages project sites: BASE_PATH=/<repository>/).
export default defineConfig({
  site: process.env.SITE_URL ?? SITE.url,
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  output: 'static',
  // Embeds and handouts are not pages to find from a search engine.
  // Bodies are parsed with the same Sätteri features as the validator's, and every body the
  // build compiles passes the content guard first (contributors' files are data, never code).
  integrations: [
    contentValidation(),
    mdx({ processor: satteri({ mdastPlugins: [contentGuard, inlineQuotes], features: { ...MDX_FEATURES } }) }),
    sitemap({
      filter: (page) => !page.includes('/embed/timeline/'),
      // Each page lists its twin in the other edition (xhtml:link hreflang).
      i18n: { defaultLocale: 'en', locales: { en: 'en', fr: 'fr' } },
    }),
    // After the build: social cards to PNG, and the Pagefind search index (src/integrations/reach.ts).
    reach(),
  ],
  // Two editions: English at the root, French under /fr/ (src/lib/i18n/routing.ts).
  i18n: { locales: ['en', 'fr'], defaultLocale: 'en', routing: { prefixDefaultLocale: false } },
  server: { host: '127.0.0.1', port: 4321 },
  // Completion and hover for frontmatter in editors with the Astro extension (it writes the
  // collections' JSON Schemas under .astro/; see .vscode/settings.json).
  experimental: { contentIntellisense: true },
  // Content Security Policy on every page, as a <meta> that Astro writes with a hash of
  // each script and style it emits: no 'unsafe-inline', no eval, nothing from another
  // origin. Images may also be data: and blob: (the PNG download draws an SVG blob into
  // an image); frames only from this site (the embed builder previews /embed/timeline/).
  // frame-ancestors cannot be set from a <meta>: see public/_headers and docs/deployment.md.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});

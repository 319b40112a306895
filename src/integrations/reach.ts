/**
 * After `astro build` (so in `npm start`, the tests and CI alike): the social cards become
 * PNG files, and Pagefind indexes the built pages for the search box. Both report their time.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { rasterizeCards } from './cards.ts';

/** Pagefind over the built site (every edition; Pagefind keeps one index per <html lang>). */
export async function indexSite(dir: string): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  const pagefind = await import('pagefind');
  // The kind/status badges and the facts list are the same words on every event page: they make
  // poor excerpts, and the filters (data-pagefind-filter, EventMeta.astro) already carry them.
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.badges', 'dl.facts', '.event-filters'] });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: dir });
  if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  return { pages: added.page_count, ms: performance.now() - started };
}

export function reach(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'election-timeline:reach',
    hooks: {
      // Cards unchanged since the last build are copied from Astro's cache folder (node_modules/.astro by default).
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'cards');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // Side by side: the cards are drawn in child processes while Pagefind reads the pages (neither reads what the other writes).
        // Both settle before either's failure ends the build: no card process is left running.
        const [drawing, indexing] = await Promise.allSettled([rasterizeCards(join(out, 'cards'), { cacheDir }), indexSite(out)]);
        if (drawing.status === 'rejected') throw drawing.reason;
        if (indexing.status === 'rejected') throw indexing.reason;
        const [cards, search] = [drawing.value, indexing.value];
        const reused = cards.count - cards.drawn;
        logger.info(
          `social cards: ${cards.count} PNG (1200×630) in ${(cards.ms / 1000).toFixed(2)} ` +
            `s${reused ? ` (${cards.drawn} drawn, ${reused} unchanged, from the cache)` : ''}`,
        );
        logger.info(`search: Pagefind indexed ${search.pages} pages in ${(search.ms / 1000).toFixed(2)} s`);
      },
    },
  };
}

/** The pages of a built site, as its sitemap lists them (shared by the sweep and the gallery). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Paths of every page in dist's sitemap (sitemap-index.xml → sitemap-N.xml → <loc>). */
export function sitemapPaths(dist: string): string[] {
  const locs = (xml: string) => [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1].replaceAll('&amp;', '&'));
  const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
  const paths = new Set<string>();
  for (const sitemap of locs(index)) {
    // Sitemaps are written with absolute URLs on the production origin; dist holds the files by name.
    const file = join(dist, new URL(sitemap).pathname.split('/').pop()!);
    for (const page of locs(readFileSync(file, 'utf8'))) {
      const url = new URL(page);
      paths.add(`${url.pathname}${url.search}`);
    }
  }
  return [...paths];
}

/** Runs `task` over `items`, `limit` at a time, keeping the input order in the output. */
export async function pool<T, R>(items: T[], limit: number, task: (item: T, worker: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (id: number) => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, (_, id) => worker(id)));
  return results;
}

/** Per-entry templates of a translated edition: the same page code as their English twins. */
const TRANSLATED_TEMPLATES = [/^\/[a-z]{2}\/events\/[^/]+\/[^/]+\/$/, /^\/[a-z]{2}\/actors\/[^/]+\/$/];

/**
 * The pages a browser run visits: every page of the English edition, and of a translated
 * edition (/fr/…) every page except that its event and actor pages are sampled (three of
 * each), since they render the same code as their English twins. Set FULL_SWEEP=1 to visit all.
 */
export function pagesToVisit(paths: string[]): string[] {
  if (process.env.FULL_SWEEP) return paths;
  const kept = new Map<RegExp, number>();
  return paths.filter((path) => {
    const template = TRANSLATED_TEMPLATES.find((t) => t.test(path));
    if (!template) return true;
    const seen = kept.get(template) ?? 0;
    kept.set(template, seen + 1);
    return seen < 3;
  });
}

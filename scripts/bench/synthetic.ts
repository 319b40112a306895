/**
 * Synthetic content for benchmarks: a project folder whose src/content holds `count`
 * valid events spread over a few incidents, with every kind, precision and status.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from '../lib/project.ts';
import { EVENT_KINDS, EVENT_STATUSES } from '../../src/lib/vocabulary.ts';

const BLOCKS: Record<string, string> = {
  leak: 'leak: { channel: "bench channel" }',
  blackout: 'blackout: { legalBasis: "bench law" }',
  statement: 'statement: { speaker: bench-actor }',
  attribution: 'attribution: { by: bench-actor, to: bench-actor, basis: technical, stance: attributes, confidence: unstated }',
  denial: 'denial: { by: bench-actor }',
  legal: 'legal: { authority: bench-actor, action: investigation }',
  election: 'election: { round: 1 }',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A deterministic pseudo-random sequence, so that every run benches the same content. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

export function writeSyntheticContent(contentDir: string, count: number, incidents = 4): void {
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(join(contentDir, 'actors'), { recursive: true });
  mkdirSync(join(contentDir, 'incidents'), { recursive: true });
  writeFileSync(join(contentDir, 'actors/bench-actor.yaml'), 'name: Bench actor\nkind: organization\n');
  const next = random(42);
  for (let i = 0; i < incidents; i++) {
    const year = 2010 + i * 3;
    writeFileSync(
      join(contentDir, `incidents/bench-${i}.mdx`),
      `---\ntitle: Bench incident ${i}\nsummary: Synthetic incident for benchmarks.\ncountry: FR\nelection:\n  name: ` +
        `Bench election ${i}\n  vote: ${year}-05-07T20:00+02:00\n  timezone: Europe/Paris\ntargets: [bench-actor]\n---\nSynthetic.\n`,
    );
    mkdirSync(join(contentDir, `events/bench-${i}`), { recursive: true });
  }
  for (let n = 0; n < count; n++) {
    const incident = n % incidents;
    const year = 2010 + incident * 3;
    // Most events in the two years before the vote, a dense cluster in the last days.
    const daysBefore = next() < 0.3 ? next() * 3 : next() * 700;
    const date = new Date(Date.UTC(year, 4, 7, 18) - daysBefore * 86_400_000);
    const kind = EVENT_KINDS[n % EVENT_KINDS.length];
    const status = EVENT_STATUSES[n % EVENT_STATUSES.length];
    const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    const written = n % 3 === 0 ? `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}Z` : n % 3 === 1 ? day : day.slice(0, 7);
    const end = kind === 'blackout' ? `\nend: ${day}` : '';
    writeFileSync(
      join(contentDir, `events/bench-${incident}/event-${n}.mdx`),
      `---\ntitle: Synthetic event number ${n} of kind ${kind}\nkind: ${kind}\ndate: ` +
        `${kind === 'blackout' ? day : written}${end}\nstatus: ${status}\napproximate: ${n % 7 === 0}\nsummary: ` +
        `Synthetic event number ${n} for benchmarks.\n${BLOCKS[kind] ?? ''}\nsources:\n  - { title: Bench source, ` +
        `publisher: Bench, url: "https://www.bench-source.org/${n}", published: 2020, language: en }\nreviewed: ` +
        `2026-01-01\n---\nA synthetic body with *some* Markdown.\n`,
    );
  }
}

/** A copy of the project's code (not its content) for a bench build. */
export function makeBenchProject(root: string, dir: string): void {
  copyProject(root, dir, { content: false });
}

/**
 * The floor: a plain Astro project with `count` bare MDX files (a title and the same body
 * as the synthetic events), one glob collection and one page route per entry. Nothing of
 * ours: no schema, no validator, no timeline, no data files. With `editions: 2`, each entry
 * is also rendered on a second route (/fr/<id>/), as our site renders each event in English
 * and in French: the floor with (about) as many pages as ours.
 */
export function makeFloorProject(root: string, dir: string, count: number, incidents = 4, editions: 1 | 2 = 1): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "bench-floor", "private": true, "type": "module" }\n');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\n\nexport default defineConfig({ ` +
      `integrations: [mdx()], cacheDir: './.astro-cache/' });\n`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n\nexport const ` +
      `collections = { notes: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './src/content/notes' }) }) };\n`,
  );
  writeFileSync(
    join(dir, 'src/pages/[...id].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\n\nexport async function getStaticPaths() {\n  ` +
      `return (await getCollection('notes')).map((entry) => ({ params: { id: entry.id }, props: { entry } ` +
      `}));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="en">\n  ` +
      `<head><meta charset="utf-8" /><title>{entry.data.title}</title></head>\n  ` +
      `<body><h1>{entry.data.title}</h1><Content /></body>\n</html>\n`,
  );
  if (editions === 2) {
    mkdirSync(join(dir, 'src/pages/fr'), { recursive: true });
    writeFileSync(
      join(dir, 'src/pages/fr/[...id].astro'),
      `---\nimport { getCollection, render } from 'astro:content';\n\nexport async function getStaticPaths() {\n  ` +
        `return (await getCollection('notes')).map((entry) => ({ params: { id: entry.id }, props: { entry } ` +
        `}));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="fr">\n ` +
        ` <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>\n  ` +
        `<body><h1>{entry.data.title}</h1><Content /></body>\n</html>\n`,
    );
  }
  for (let i = 0; i < incidents; i++) mkdirSync(join(dir, `src/content/notes/bench-${i}`), { recursive: true });
  for (let n = 0; n < count; n++) {
    writeFileSync(
      join(dir, `src/content/notes/bench-${n % incidents}/event-${n}.mdx`),
      `---\ntitle: Synthetic note number ${n}\n---\nA synthetic body with *some* Markdown.\n`,
    );
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
}

/**
 * Synthetic content for benchmarks: a project folder whose src/content holds `count`
 * valid events spread over a few incidents, with every kind, precision and status.
 */
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
      `---\ntitle: Bench incident ${i}\nsummary: Synthetic incident for benchmarks.\ncountry: FR\nelection:\n  name: Bench election ${i}\n  vote: ${year}-05-07T20:00+02:00\n  timezone: Europe/Paris\ntargets: [bench-actor]\n---\nSynthetic.\n`,
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
      `---\ntitle: Synthetic event number ${n} of kind ${kind}\nkind: ${kind}\ndate: ${kind === 'blackout' ? day : written}${end}\nstatus: ${status}\napproximate: ${n % 7 === 0}\nsummary: Synthetic event for benchmarks.\n${BLOCKS[kind] ?? ''}\nsources:\n  - { title: Bench source, publisher: Bench, url: "https://example.org/${n}", published: 2020, language: en }\nreviewed: 2026-01-01\n---\nA synthetic body with *some* Markdown.\n`,
    );
  }
}

/** A copy of the project (code, not content) at `dir`, sharing node_modules. */
export function makeBenchProject(root: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const item of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(root, item), join(dir, item), { recursive: true, filter: (source) => !source.includes(`${join(root, 'src/content')}/`) });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
}

/**
 * The site's French translation files (beside their originals in src/content) in the shared
 * build: they load as translations, not as extra events; events.json and actors.json carry
 * both languages. (A hostile translation body is stopped by the build's content guard like
 * an original's: tests/builds/refused.test.ts.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMdxSource } from '../../src/lib/content/frontmatter.ts';
import { ROOT } from '../helpers.ts';
import { type BuiltSite, readBuilt } from './site.ts';

let site: BuiltSite;
beforeAll(async () => {
  site = await readBuilt();
});

const source = (file: string) => readFileSync(join(ROOT, 'src/content', file), 'utf8');
const frontmatter = (file: string) => parseMdxSource(source(file)).data as Record<string, string>;
const english = frontmatter('events/macron-2017/emleaks-posted.mdx');
const french = frontmatter('events/macron-2017/emleaks-posted.fr.mdx');

describe('a build with translation files', () => {
  it('has no page for a translation file, and no warning about one', () => {
    const pages = readdirSync(join(site.dist, 'events/macron-2017'));
    expect(pages).toContain('emleaks-posted');
    expect(pages.filter((name) => name.includes('.fr'))).toEqual([]);
    expect(site.log).not.toMatch(/\.fr\.(mdx|yaml).*(not a valid id|only \.mdx)/);
  });

  it('serves the English page in English', () => {
    const html = site.read('events/macron-2017/emleaks-posted/index.html');
    expect(html).toContain(english.title);
    expect(html).not.toContain(french.title);
  });

  it('puts the French title and summary in events.json beside the unchanged English fields', () => {
    const json = JSON.parse(site.read('data/events.json'));
    const record = json.events.find((event: { id: string }) => event.id === 'macron-2017/emleaks-posted');
    expect(record.title).toBe(english.title);
    expect(record.translations.fr).toEqual({
      title: french.title,
      summary: french.summary,
      // Outdated once the English original is reviewed again after the translation; served either way.
      status: expect.stringMatching(/^(translated|outdated)$/),
      reviewed: french.reviewed,
    });
    for (const event of json.events) expect(['translated', 'outdated', 'missing'], event.id).toContain(event.translations.fr.status);
    const actors = JSON.parse(site.read('data/actors.json'));
    const apt28 = actors.actors.find((actor: { id: string }) => actor.id === 'apt28');
    const frenchActor = parse(source('actors/apt28.fr.yaml'));
    expect(frenchActor.name, 'the fixture: a French summary, no French name').toBeUndefined();
    expect(apt28.translations.fr.summary).toBe(frenchActor.summary);
    expect(apt28.translations.fr.name).toBeNull();
  });
});

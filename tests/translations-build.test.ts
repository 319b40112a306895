/**
 * A build with French translation files beside their originals (tests/fixtures/translated-content):
 * they load as translations, not as extra events; events.json carries both languages; and a
 * hostile translation body is stopped by the build's content guard like an original's.
 */
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../scripts/lib/project.ts';
import { ROOT } from './helpers.ts';
import { TMP, astroBuild } from './integrity/site.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/translated-content/src');

function projectWithTranslations(name: string) {
  const project = join(TMP, name);
  copyProject(ROOT, project);
  cpSync(FIXTURE, join(project, 'src'), { recursive: true });
  return project;
}

describe('a build with translation files', () => {
  const project = join(TMP, 'translations-project');
  let output = '';
  let status: number | null = null;
  beforeAll(() => {
    projectWithTranslations('translations-project');
    const result = astroBuild(project, join(project, 'dist'));
    output = result.stdout + result.stderr;
    status = result.status;
  }, 300_000);

  it('builds, with no page for a translation file and no warning about it', () => {
    expect(status, output.slice(-3000)).toBe(0);
    expect(existsSync(join(project, 'dist/events/macron-2017/emleaks-posted/index.html'))).toBe(true);
    const pages = readdirSync(join(project, 'dist/events/macron-2017'));
    expect(pages.filter((name) => name.includes('.fr'))).toEqual([]);
    expect(output).not.toMatch(/emleaks-posted\.fr\.mdx.*(not a valid id|only \.mdx)/);
  });

  it('serves the English page in English', () => {
    const html = readFileSync(join(project, 'dist/events/macron-2017/emleaks-posted/index.html'), 'utf8');
    expect(html).toContain('Campaign files posted on 4chan and Pastebin');
    expect(html).not.toContain('Des fichiers de campagne');
  });

  it('puts the French title and summary in events.json beside the unchanged English fields', () => {
    const json = JSON.parse(readFileSync(join(project, 'dist/data/events.json'), 'utf8'));
    const record = json.events.find((event: { id: string }) => event.id === 'macron-2017/emleaks-posted');
    expect(record.title).toBe('Campaign files posted on 4chan and Pastebin less than two days before the final vote');
    expect(record.translations.fr).toEqual({
      title: 'Des fichiers de campagne publiés sur 4chan et Pastebin moins de deux jours avant le vote final',
      summary: expect.stringContaining('déposées sur Pastebin par « EMLEAKS »'),
      // Outdated once the English original is reviewed again after 2026-12-02; served either way.
      status: expect.stringMatching(/^(translated|outdated)$/),
      reviewed: '2026-12-02',
    });
    for (const event of json.events) expect(['translated', 'outdated', 'missing'], event.id).toContain(event.translations.fr.status);
    const actors = JSON.parse(readFileSync(join(project, 'dist/data/actors.json'), 'utf8'));
    const apt28 = actors.actors.find((actor: { id: string }) => actor.id === 'apt28');
    expect(apt28.translations.fr.summary).toMatch(/^Mode opératoire que MITRE ATT&CK suit/);
    expect(apt28.translations.fr.name).toBeNull();
  });
});

describe('a build whose translation skipped the validator (defence in depth)', () => {
  it("stops at the MDX compiler's content guard, naming the translation file, and runs none of its code", () => {
    const project = projectWithTranslations('translations-guard-project');
    const config = join(project, 'astro.config.project.mjs');
    const source = readFileSync(config, 'utf8');
    expect(source, 'the bypass must remove the validator from the copy').toContain('contentValidation(),');
    writeFileSync(config, source.replace('contentValidation(),', ''));
    const file = join(project, 'src/content/events/macron-2017/emleaks-posted.fr.mdx');
    const marker = join(project, 'pwned.txt');
    const payload = `{/* note */ process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran') /* end */}`;
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n${payload}\n`);
    const result = astroBuild(project, join(project, 'dist'));
    const output = result.stdout + result.stderr;
    expect(result.status, output.slice(-2000)).not.toBe(0);
    expect(output).toMatch(/src\/content\/events\/macron-2017\/emleaks-posted\.fr\.mdx:\d+:\d+ {2}body: refused by the build's content guard/);
    expect(existsSync(marker), 'the body expression ran during the build').toBe(false);
  }, 300_000);
});

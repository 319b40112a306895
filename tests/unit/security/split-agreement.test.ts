/**
 * The validator must check exactly what the build compiles. These tests pin the two
 * together: the same frontmatter function as Astro's MDX integration (the very module it
 * resolves), the same body text, and the same Sätteri tree that the build's compiler hands
 * to its plugins, for every content file, every fixture, and frontmatter that ends oddly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { MDX_FEATURES } from '../../../src/lib/content/mdx-options.ts';
import { parseBody } from '../../../src/lib/validate/mdx-safety.ts';
import { ROOT } from '../../helpers.ts';

const require = createRequire(join(ROOT, 'package.json'));
/** The frontmatter module as @astrojs/mdx itself resolves it. */
const mdxRequire = createRequire(require.resolve('@astrojs/mdx'));
const astroFrontmatterPath = mdxRequire.resolve('@astrojs/internal-helpers/frontmatter');
const { parseFrontmatter } = (await import(astroFrontmatterPath)) as typeof import('@astrojs/internal-helpers/frontmatter');

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const FILES = [...mdxFiles(join(ROOT, 'src/content')), ...mdxFiles(join(ROOT, 'tests/fixtures'))];

/** Frontmatter that ends in unusual ways: each is split exactly as Astro splits it, or refused. */
const ODD = {
  'comment after the closing fence': '---\ntitle: A\n--- # note\nBody.\n',
  'document marker with a comment as the second line': '---\n--- # note\ntitle: A\n---\nBody {x}.\n',
  'four dashes': '---\ntitle: A\n----\nBody.\n',
  'text glued to the fence': '---\ntitle: A\n---Body.\n',
  'a block scalar holding a fence': '---\nsummary: |\n  one\n---\n  two\n---\nBody.\n',
  'CRLF line ends': '---\r\ntitle: A\r\n---\r\nBody.\r\n',
  'a byte-order mark': '\uFEFF---\ntitle: A\n---\nBody.\n',
  'blank lines before the fence': '\n\n---\ntitle: A\n---\nBody.\n',
  TOML: '+++\ntitle = "A"\n+++\nBody.\n',
  'no closing fence': '---\ntitle: A\nBody.\n',
  'trailing spaces on the fences': '---   \ntitle: A\n---   \nBody.\n',
  'an empty frontmatter': '---\n---\nBody.\n',
  'the fence at the end of the file': '---\ntitle: A\n---',
  'dashes inside a quoted value': '---\ntitle: "a\n---\nb"\n---\nBody.\n',
};

/** A tree as plain data: the compiler's nodes carry lazy internals (`_resolver`, `_id`). */
const plain = (tree: unknown) => JSON.parse(JSON.stringify(tree, (key, value) => (key.startsWith('_') ? undefined : value)));

/** The tree the build's MDX compiler gives its plugins for `body`. */
async function buildTree(body: string): Promise<unknown> {
  let captured: unknown;
  await mdxToJs(body, {
    features: MDX_FEATURES,
    mdastPlugins: [
      {
        name: 'capture',
        options: { position: true },
        before: (root: unknown) => {
          captured = plain(root);
        },
      },
    ],
  });
  return captured;
}

describe('the validator and the build read a file the same way', () => {
  it('imports the frontmatter function from the same module as @astrojs/mdx', () => {
    expect(require.resolve('@astrojs/internal-helpers/frontmatter')).toBe(astroFrontmatterPath);
    expect(require.resolve('satteri')).toBe(createRequire(require.resolve('@astrojs/markdown-satteri')).resolve('satteri'));
  });

  it.each(FILES.map((file) => [file.slice(ROOT.length)]))('splits %s as the build does', (file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    const ours = splitFrontmatter(source);
    if (!ours.ok) {
      // A refusal is always a file the build would read differently from how it looks.
      expect(ours.problem.message.length).toBeGreaterThan(10);
      return;
    }
    let astro: ReturnType<typeof parseFrontmatter>;
    try {
      astro = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
    } catch {
      expect(ours.buildError, 'the build cannot read it; the validator must say so').toBeDefined();
      return;
    }
    expect(ours.yaml).toBe(astro.rawFrontmatter);
    expect(ours.body).toBe(astro.content);
  });

  it.each(Object.entries(ODD))('reads frontmatter with %s as the build does, or refuses it', (_name, source) => {
    const ours = splitFrontmatter(source);
    let astro: { rawFrontmatter: string; content: string } | undefined;
    try {
      astro = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
    } catch {
      astro = undefined; // the build stops on it too
    }
    if (ours.ok && astro) {
      expect(ours.yaml).toBe(astro.rawFrontmatter);
      expect(ours.body).toBe(astro.content);
    } else if (ours.ok) {
      expect(ours.buildError, 'the build cannot read it; the validator must say so').toBeDefined();
    } else {
      expect(ours.problem.position.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses a fence with a comment, which the build would end the frontmatter on', () => {
    const result = splitFrontmatter(ODD['document marker with a comment as the second line']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ position: { line: 2, column: 1 } });
    // Astro ends the frontmatter on line 2: the YAML (and the {x}) would become MDX.
    expect(
      parseFrontmatter(ODD['document marker with a comment as the second line'], { frontmatter: 'empty-with-spaces' }).content,
    ).toContain('title: A');
  });

  it.each(FILES.map((file) => [file.slice(ROOT.length)]))('parses the body of %s into the tree the build compiles', async (file) => {
    const split = splitFrontmatter(readFileSync(join(ROOT, file), 'utf8'));
    if (!split.ok || split.buildError) return;
    let ours: unknown;
    try {
      ours = plain(parseBody(split.body));
    } catch {
      await expect(buildTree(split.body), 'the build must refuse what the validator cannot parse').rejects.toThrow();
      return;
    }
    expect(await buildTree(split.body)).toEqual(ours);
  });
});

/**
 * src/lib is the pure part of the project: it runs in the validator, the scripts and the tests
 * without Astro. The one thing of Astro it may use is Zod as Astro re-exports it (astro/zod).
 * Astro adapters (loaders, integrations) live in src/integrations/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = join(import.meta.dirname, '../../src/lib');

/** Every module specifier a file imports or re-exports, dynamic imports included. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** Astro itself and its virtual modules. (@astrojs/internal-helpers is a plain library: its frontmatter splitter is the MDX compiler's.) */
const isAstro = (specifier: string) => specifier === 'astro' || specifier.startsWith('astro/') || specifier.startsWith('astro:');

describe('src/lib', () => {
  const files = readdirSync(LIB, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|mts|js|mjs)$/.test(file));

  it('has modules to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('imports nothing from Astro but astro/zod', () => {
    const offending = files.flatMap((file) =>
      specifiers(readFileSync(join(LIB, file), 'utf8'))
        .filter((specifier) => isAstro(specifier) && specifier !== 'astro/zod')
        .map((specifier) => `${relative(LIB, join(LIB, file))} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('the scan finds the imports it looks for', () => {
    expect(
      specifiers(
        "import { glob, type Loader } from 'astro/loaders';\nimport type { AstroIntegration } from 'astro';\nexport * " +
          "from 'astro:content';\nawait import('@astrojs/mdx');",
      ),
    ).toEqual(['astro/loaders', 'astro', 'astro:content', '@astrojs/mdx']);
    expect(
      ['astro/loaders', 'astro', 'astro:content', 'astro/zod', '@astrojs/internal-helpers/frontmatter', 'astronomy'].map(isAstro),
    ).toEqual([true, true, true, true, false, false]);
  });
});

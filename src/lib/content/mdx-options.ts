/**
 * How MDX bodies are parsed, shared by the build (astro.config.mjs) and the validator, so
 * that both read a body into the same tree: Sätteri, Astro 7's MDX parser, with these features.
 */
import { parse } from 'acorn';

/** Sätteri features for content bodies: GFM tables and footnotes, typographic quotes. */
export const MDX_FEATURES = { gfm: true, smartPunctuation: true } as const;

/**
 * True when the JavaScript inside `{…}` is nothing but comments (`{/* note *\/}`), decided
 * by parsing it: a regular expression can be fooled by `/* a *\/ code() /* b *\/`.
 */
export function isCommentOnlyExpression(value: string): boolean {
  try {
    const program = parse(value, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: false });
    return program.body.length === 0;
  } catch {
    return false;
  }
}

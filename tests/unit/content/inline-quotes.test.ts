/** A <Quote> inside a sentence is told so by the build's MDX compiler; one on its own line is not. */
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { inlineQuotes } from '../../../src/lib/content/inline-quotes.ts';

const compiled = (body: string) => mdxToJs(body, { mdastPlugins: [inlineQuotes] }).code;

describe('inlineQuotes', () => {
  it('marks a Quote written inside a sentence as inline', () => {
    expect(compiled('He said: <Quote lang="en">To say it.</Quote> and left.\n')).toMatch(/_jsx\(Quote, \{[^}]*inline: true/);
  });

  it('leaves a Quote on its own line as a block', () => {
    expect(compiled('<Quote lang="en">To say it.</Quote>\n')).not.toContain('inline');
  });

  it('touches no other element written inside a sentence', () => {
    expect(compiled('See <Aside>this</Aside> here.\n')).not.toContain('inline');
  });
});

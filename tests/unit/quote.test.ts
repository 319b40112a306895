/** <Quote translation="…">: the original words stay, the translation shows where the page's language differs. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import Quote from '../../src/components/mdx/Quote.astro';

async function render(props: Record<string, string | boolean>, path = '/events/x/') {
  const container = await AstroContainer.create();
  return container.renderToString(Quote, {
    props,
    slots: { default: 'To say Macron Leaks was APT28' },
    request: new Request(`https://example.org${path}`),
  });
}

describe('<Quote translation>', () => {
  it('shows the French translation below an English quote on a French page, marked and in French', async () => {
    const html = await render({ lang: 'en', translation: 'Dire que les Macron Leaks, c’était APT28' }, '/fr/events/x/');
    expect(html).toMatch(/<blockquote class="quote"[^>]* lang="en"[^>]*>To say Macron Leaks was APT28<\/blockquote>/);
    expect(html).toMatch(
      new RegExp(
        '<figcaption class="quote-translation"[^>]* lang="fr"[^>]*>' +
          '<span class="quote-translation-label"[^>]*>Traduction\u202f:</span> Dire que les Macron Leaks, c’était APT28</figcaption>',
      ),
    );
  });

  it('shows no translation where the page is in the quote’s language', async () => {
    const html = await render({ lang: 'en', translation: 'Dire que…' }, '/events/x/');
    expect(html).not.toContain('Dire que');
    expect(html).not.toContain('<figure');
  });

  it('marks an English translation of a French quote on an English page', async () => {
    const html = await render({ lang: 'fr', translation: 'in English', pageLang: 'en' });
    expect(html).toMatch(/lang="en"[^>]*><span class="quote-translation-label"[^>]*>Translation:<\/span> in English/);
  });

  it('renders exactly as before without a translation', async () => {
    const html = await render({ lang: 'fr', cite: 'https://www.lemonde.fr/a' }, '/fr/events/x/');
    expect(html).toMatch(
      /^<blockquote class="quote"[^>]*lang="fr"[^>]*cite="https:\/\/www.lemonde.fr\/a"[^>]*>To say Macron Leaks was APT28<\/blockquote>/,
    );
  });

  it('stays in the sentence when written inside one: a <q>, its translation in brackets after it', async () => {
    const html = await render({ lang: 'en', translation: 'Dire que…', inline: true }, '/fr/events/x/');
    expect(html).toMatch(
      new RegExp(
        '^<q class="quote-inline"[^>]* lang="en"[^>]*>To say Macron Leaks was APT28</q> ' +
          '<span class="quote-translation-inline"[^>]* lang="fr"[^>]*>\\(Traduction\u202f: <q[^>]*>Dire que…</q>\\)</span>$',
      ),
    );
    expect(html, 'no block element that would end the paragraph').not.toMatch(/<(blockquote|figure|figcaption)/);
  });
});

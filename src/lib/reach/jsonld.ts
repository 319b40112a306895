/**
 * JSON-LD (schema.org) for search engines and citation tools: `Dataset` for the data page,
 * `Article` with its sources as `citation` for an event page. Pure; `jsonLdScript()` makes
 * the text safe inside <script type="application/ld+json"> (no "</script>", no "<!--").
 */

export interface DatasetInput {
  name: string;
  description: string;
  url: string;
  license: string;
  creator: string;
  dateModified: string;
  inLanguage: string;
  keywords?: string[];
  distributions: { url: string; encodingFormat: string; name?: string }[];
}

/** A schema.org Dataset for dataset search engines. */
export function datasetJsonLd(input: DatasetInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: input.name,
    description: input.description,
    url: input.url,
    license: input.license,
    creator: { '@type': 'Organization', name: input.creator },
    dateModified: input.dateModified,
    inLanguage: input.inLanguage,
    isAccessibleForFree: true,
    ...(input.keywords ? { keywords: input.keywords } : {}),
    distribution: input.distributions.map((d) => ({
      '@type': 'DataDownload',
      contentUrl: d.url,
      encodingFormat: d.encodingFormat,
      ...(d.name ? { name: d.name } : {}),
    })),
  };
}

/** What an event page's schema.org Article needs. */
export interface ArticleInput {
  headline: string;
  description: string;
  url: string;
  image?: string;
  dateModified: string;
  inLanguage: string;
  publisher: string;
  license: string;
  about?: string;
  citations: { title?: string; url: string; publisher?: string; date?: string }[];
}

/** A schema.org Article for an event page. */
export function articleJsonLd(input: ArticleInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: input.headline,
    description: input.description,
    url: input.url,
    mainEntityOfPage: input.url,
    ...(input.image ? { image: input.image } : {}),
    dateModified: input.dateModified,
    inLanguage: input.inLanguage,
    license: input.license,
    publisher: { '@type': 'Organization', name: input.publisher },
    author: { '@type': 'Organization', name: input.publisher },
    ...(input.about ? { about: { '@type': 'Event', name: input.about } } : {}),
    citation: input.citations.map((c) => ({
      '@type': 'CreativeWork',
      url: c.url,
      ...(c.title ? { name: c.title } : {}),
      ...(c.publisher ? { publisher: { '@type': 'Organization', name: c.publisher } } : {}),
      ...(c.date ? { datePublished: c.date } : {}),
    })),
  };
}

/** JSON for a <script type="application/ld+json"> body: "<", ">" and "&" as \u escapes, so no text can end the script. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

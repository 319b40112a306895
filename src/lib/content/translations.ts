/**
 * Translated content: which languages exist, how a translation file's id follows from its
 * original's, and the localized view of an entry (translated text where there is one, the
 * original otherwise, and how the two stand). Pure: no Astro, no file system.
 */

/** Languages content may be translated into. The originals are in English. */
export const TRANSLATION_LOCALES = ['fr'] as const;
/** A language the content is translated into (originals are English). */
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];
/** The language of every original entry. */
export const DEFAULT_LOCALE = 'en';
/** Any language the site is written in: English or a translation locale. */
export type Locale = typeof DEFAULT_LOCALE | TranslationLocale;
/** Every language the site is written in, English first. */
export const LOCALES: readonly Locale[] = [DEFAULT_LOCALE, ...TRANSLATION_LOCALES];

/** Whether a value is one of TRANSLATION_LOCALES. */
export function isTranslationLocale(value: unknown): value is TranslationLocale {
  return typeof value === 'string' && (TRANSLATION_LOCALES as readonly string[]).includes(value);
}

/** The id of a translation entry: "fr/macron-2017/emleaks-posted". */
export function translationId(originalId: string, lang: TranslationLocale): string {
  return `${lang}/${originalId}`;
}

/** The language and original id of a translation entry id, or undefined. */
export function parseTranslationId(id: string): { lang: TranslationLocale; originalId: string } | undefined {
  const slash = id.indexOf('/');
  const lang = id.slice(0, slash);
  if (slash < 0 || !isTranslationLocale(lang)) return undefined;
  return { lang, originalId: id.slice(slash + 1) };
}

/** How a translation stands against its original. */
export type TranslationStatus = 'translated' | 'outdated' | 'missing';

/** How a translation stands against its original: status, review dates and the fields it translates. */
export interface TranslationInfo {
  locale: TranslationLocale;
  /** translated; outdated when the original was reviewed after the translation; missing when there is none. */
  status: TranslationStatus;
  /** The original's `reviewed` (events only; incidents and actors carry none). */
  originalReviewed?: string;
  /** The translation's `reviewed`: when it was last checked against the original. */
  translationReviewed?: string;
  /** The original's `reviewed` the translation was made from, if the translator wrote it. */
  translatedFrom?: string;
  /** Which parts are translated ([] when missing); the rest is the original's English. */
  fields?: TranslatedPart[];
}

/** A part of an entry a translation may give. */
export type TranslatedPart = 'title' | 'name' | 'summary' | 'election.name' | 'body';

/** An entry's translated fields: the fields of a translation file that replace the original's. */
export interface TranslatedFields {
  title?: string;
  name?: string;
  summary?: string;
  election?: { name: string };
  reviewed?: string;
  translatedFrom?: string;
}

/** A translation as the archive holds it. */
export interface TranslationEntry<T extends TranslatedFields = TranslatedFields> {
  /** The original's id. */
  id: string;
  lang: TranslationLocale;
  data: T;
  /** Whether the file has a translated body (more than blank lines and comments). */
  hasBody?: boolean;
  file?: string;
}

/** An entry in a reader's language: its fields translated where a translation has them, and how the translation stands. */
export interface Localized<T> {
  id: string;
  /** The language asked for. */
  locale: Locale;
  /** The language the title and summary are in: the locale's when translated, else English. */
  lang: Locale;
  /** The language of the body to render: English when the translation has no body. */
  bodyLang: Locale;
  /** Title of an event or incident, name of an actor. */
  title: string;
  summary: string | undefined;
  /** The original's data with the translated fields laid over it; every other field is the original's. */
  data: T;
  /** null in English (the originals' language). */
  translation: TranslationInfo | null;
}

/** Dates are YYYY-MM-DD, so they compare as strings. */
function isLater(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a > b;
}

/**
 * The entry as a reader of `locale` sees it. An entry without a translation is served in
 * English with status "missing", never dropped; a translation reviewed before its original
 * was last reviewed is "outdated" (still shown, with the date the original changed).
 */
export function localize<T extends { title?: string; name?: string; summary?: string; reviewed?: string; election?: object }>(
  original: { id: string; data: T },
  translation: TranslationEntry | undefined,
  locale: Locale,
): Localized<T> {
  const title = original.data.title ?? original.data.name ?? original.id;
  if (locale === DEFAULT_LOCALE) {
    return {
      id: original.id,
      locale,
      lang: locale,
      bodyLang: locale,
      title,
      summary: original.data.summary,
      data: original.data,
      translation: null,
    };
  }
  const originalReviewed = original.data.reviewed;
  if (!translation || translation.lang !== locale) {
    return {
      id: original.id,
      locale,
      lang: DEFAULT_LOCALE,
      bodyLang: DEFAULT_LOCALE,
      title,
      summary: original.data.summary,
      data: original.data,
      translation: { locale, status: 'missing', originalReviewed, fields: [] },
    };
  }
  const fields = translation.data;
  const data = { ...original.data } as T & TranslatedFields;
  if (fields.title !== undefined && 'title' in original.data) data.title = fields.title;
  if (fields.name !== undefined && 'name' in original.data) data.name = fields.name;
  if (fields.summary !== undefined) data.summary = fields.summary;
  if (fields.election?.name !== undefined && original.data.election)
    data.election = { ...original.data.election, name: fields.election.name };
  const translatedTitle = fields.title ?? fields.name;
  const parts: TranslatedPart[] = [];
  if (fields.title !== undefined) parts.push('title');
  if (fields.name !== undefined) parts.push('name');
  if (fields.summary !== undefined) parts.push('summary');
  if (fields.election?.name !== undefined) parts.push('election.name');
  if (translation.hasBody) parts.push('body');
  return {
    id: original.id,
    locale,
    // An actor's translation may give only a summary: its name then stays as written.
    lang: translatedTitle !== undefined || fields.summary !== undefined ? locale : DEFAULT_LOCALE,
    bodyLang: translation.hasBody ? locale : DEFAULT_LOCALE,
    title: translatedTitle ?? title,
    summary: fields.summary ?? original.data.summary,
    data: data as T,
    translation: {
      locale,
      status: isLater(originalReviewed, fields.reviewed) ? 'outdated' : 'translated',
      originalReviewed,
      translationReviewed: fields.reviewed,
      translatedFrom: fields.translatedFrom,
      fields: parts,
    },
  };
}

/** Whether an MDX body holds anything to render (not only blank lines and {/* comments *\/}). */
export function hasContent(body: string): boolean {
  return body.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').trim() !== '';
}

/** The label before a quote's translation (the interface dictionary may take these over). */
export const TRANSLATION_LABEL: Record<string, string> = { en: 'Translation:', fr: 'Traduction\u202f:' };

/** The page's language: Astro's current locale if routing sets one, else the /fr/ prefix of the path. */
export function pageLocaleOf(currentLocale: string | undefined, pathname: string, base = '/'): Locale {
  if (currentLocale !== undefined && (LOCALES as readonly string[]).includes(currentLocale)) return currentLocale as Locale;
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const first = path.replace(/^\//, '').split('/')[0];
  return isTranslationLocale(first) ? first : DEFAULT_LOCALE;
}

/** Whether a quote's translation shows: there is one, and the page's language is not the quote's. */
export function quoteTranslationShown(quoteLang: string | undefined, translation: string | undefined, pageLang: string): boolean {
  if (translation === undefined || translation.trim() === '') return false;
  const primary = (tag: string | undefined) => (tag ?? DEFAULT_LOCALE).split('-')[0].toLowerCase();
  return primary(quoteLang) !== primary(pageLang);
}

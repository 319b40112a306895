/**
 * The page's edition, for pages and components: its language (from the address, or a
 * `lang` prop where a component is rendered outside a page), its dictionary, and links
 * that stay in the same edition. Also the archive as the edition shows it: French titles,
 * summaries and offsets where a translation exists, English (marked) where none does.
 */
import { buildArchive, type Archive } from '../lib/archive.ts';
import { tOffset } from '../lib/format.ts';
import { dictionary, type Dictionary } from '../lib/i18n/en.ts';
import { alternatePaths, isLang, langOfPath, localizedPath, type Lang } from '../lib/i18n/routing.ts';
import { getArchive, getEntry } from './archive.ts';
import { translationOf, type TranslationState } from './translations.ts';
import { href } from './paths.ts';

export interface PageI18n {
  lang: Lang;
  t: Dictionary;
  /** The Intl locale: "en-GB", "fr-FR". */
  locale: string;
  /** An internal page link in this edition (files such as /data/events.json stay unprefixed: use href). */
  href: (path: string) => string;
  /** This page in every edition, as full paths under the base. */
  alternates: Record<Lang, string>;
}

export function pageI18n(astro: { url: URL; props?: object }): PageI18n {
  const base = import.meta.env.BASE_URL;
  const override = (astro.props as { lang?: unknown } | undefined)?.lang;
  const lang: Lang = isLang(override) ? override : langOfPath(astro.url.pathname, base);
  const t = dictionary(lang);
  const alternates = Object.fromEntries(
    Object.entries(alternatePaths(astro.url.pathname, base)).map(([l, path]) => [l, href(path)]),
  ) as Record<Lang, string>;
  return { lang, t, locale: t.locale, href: (path: string) => href(localizedPath(lang, path)), alternates };
}

const localized = new Map<Lang, Promise<Archive>>();

async function buildLocalArchive(lang: Lang): Promise<Archive> {
  const archive = await getArchive();
  const overlay = async <T extends object>(collection: 'events' | 'incidents' | 'actors', id: string, data: T): Promise<T> => {
    const translation = await translationOf(collection, id, lang);
    return translation ? { ...data, ...translation.data } : data;
  };
  const local = buildArchive({
    incidents: await Promise.all(
      archive.incidents.map(async (i) => ({ id: i.id, data: await overlay('incidents', i.id, i.data), file: i.file })),
    ),
    actors: await Promise.all(archive.actors.map(async (a) => ({ id: a.id, data: await overlay('actors', a.id, a.data) }))),
    events: await Promise.all(archive.events.map(async (e) => ({ id: e.id, data: await overlay('events', e.id, e.data), file: e.file }))),
  });
  const locale = dictionary(lang).locale;
  for (const incident of local.incidents) {
    for (const event of incident.events) event.offset = tOffset(event.date, incident.vote, incident.timeZone, locale);
  }
  return local;
}

/** The archive in one edition's language (the English archive itself for English). */
export function getLocalArchive(lang: Lang): Promise<Archive> {
  if (lang === 'en') return getArchive();
  let found = localized.get(lang);
  if (!found) {
    found = buildLocalArchive(lang);
    localized.set(lang, found);
  }
  return found;
}

/** What a French page says about an entry's translation: none yet, current, or older than the English. */
export async function translationState(collection: 'events' | 'incidents' | 'actors', id: string, lang: Lang): Promise<TranslationState> {
  if (lang === 'en') return { state: 'original' };
  const translation = await translationOf(collection, id, lang);
  if (!translation) return { state: 'missing' };
  const { bodyLang } = translation;
  return translation.outdated && translation.englishReviewed
    ? { state: 'outdated', englishReviewed: translation.englishReviewed, bodyLang }
    : { state: 'current', bodyLang };
}

/** The entry to render for a page body: the translation's when there is one. */
export async function getLocalEntry(collection: 'events' | 'incidents', id: string, lang: Lang) {
  const translation = lang === 'en' ? undefined : await translationOf(collection, id, lang);
  return translation?.entry ?? (await getEntry(collection, id));
}

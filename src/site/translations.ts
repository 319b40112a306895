/**
 * Adapter between the pages and the translated content files (<slug>.fr.mdx, <id>.fr.yaml),
 * which the archive reads (src/lib/content/translations.ts). The pages only use
 * `translationOf`; this file is the one place that knows how translations are stored.
 */
import type { Lang } from '../lib/i18n/routing.ts';
import { getArchive, getLocalizedEntry } from './archive.ts';

export type TranslationState =
  | { state: 'original' }
  | { state: 'current'; bodyLang: Lang }
  | { state: 'missing' }
  | { state: 'outdated'; englishReviewed: string; bodyLang: Lang };

export interface Translation {
  /** The original data with the translated fields laid over it (title, summary, name…). */
  data: Record<string, unknown>;
  /** The entry to render for the body: the translation's, or the original's when it has none. */
  // biome-ignore lint/suspicious/noExplicitAny: Astro's render() takes an entry of any collection
  entry?: any;
  /** The language the body is in ('en' when the translation has no body). */
  bodyLang: Lang;
  /** The English entry was reviewed after the translation. */
  outdated: boolean;
  englishReviewed?: string;
}

export async function translationOf(
  collection: 'events' | 'incidents' | 'actors',
  id: string,
  lang: Lang,
): Promise<Translation | undefined> {
  if (lang === 'en') return undefined;
  const archive = await getArchive();
  const localized =
    collection === 'events'
      ? archive.localizedEvent(id, lang)
      : collection === 'incidents'
        ? archive.localizedIncident(id, lang)
        : archive.localizedActor(id, lang);
  const status = localized?.translation?.status;
  if (!localized || !status || status === 'missing') return undefined;
  return {
    data: localized.data as unknown as Record<string, unknown>,
    entry: collection === 'actors' ? undefined : await getLocalizedEntry(collection, id, lang),
    bodyLang: localized.bodyLang,
    outdated: status === 'outdated',
    englishReviewed: localized.translation?.originalReviewed,
  };
}

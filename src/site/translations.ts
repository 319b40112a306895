/**
 * Adapter between the pages and the translated content files (<slug>.fr.mdx, read by the
 * fr-data loader). The pages only use `translationOf`; this file is the one place that
 * knows how translations are stored.
 */
import type { Lang } from '../lib/i18n/routing.ts';

export type TranslationState =
  | { state: 'original' }
  | { state: 'current' }
  | { state: 'missing' }
  | { state: 'outdated'; englishReviewed: string };

export interface Translation {
  /** The translated fields only (title, summary, name…), laid over the English data. */
  data: Record<string, unknown>;
  /** The translated entry, for render(); undefined for data-only entries (actors). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entry?: any;
  /** The English entry was reviewed after the translation. */
  outdated: boolean;
  englishReviewed?: string;
}

export async function translationOf(_collection: 'events' | 'incidents' | 'actors', _id: string, _lang: Lang): Promise<Translation | undefined> {
  return undefined;
}

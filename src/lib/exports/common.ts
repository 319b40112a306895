/**
 * What every data export shares: where the site lives, the dataset's version (its latest
 * editorial review, never the build time, so that a build is reproducible), its licence,
 * and the event order.
 */
import { compareEvents, latestReview, type Archive, type EventView } from '../archive.ts';
import { SITE } from '../site.ts';
import { joinBase } from '../url.ts';
import { TRANSLATION_LOCALES, type Localized, type TranslationLocale, type TranslationStatus } from '../content/translations.ts';

/** Where the site is published (origin and base path), for the absolute addresses in the exports. */
export interface ExportOptions {
  /** The configured site origin, e.g. "https://election-integrity-timeline.github.io". */
  site: string | URL;
  /** The configured base path, "/" or "/repository/". */
  base: string;
}

/** The absolute address of a site path ("/events/x/y/") under the base, as the canonical links have it. */
export function absoluteUrl(path: string, options: ExportOptions): string {
  return new URL(joinBase(options.base, path), options.site).href;
}

/** An instant as an RFC 3339 / ISO 8601 UTC timestamp with milliseconds: 2017-05-05T18:35:00.000Z. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The dataset's version: the date of its latest editorial review (see archive.ts), or of its
 * latest translation check if later: the exports carry the translations too.
 */
export function datasetVersion(archive: Archive): string {
  let latest = latestReview(archive);
  const entries = [
    ...archive.events.map((entry) => ['events', entry.id] as const),
    ...archive.incidents.map((entry) => ['incidents', entry.id] as const),
    ...archive.actors.map((entry) => ['actors', entry.id] as const),
  ];
  for (const [collection, id] of entries) {
    for (const locale of TRANSLATION_LOCALES) {
      const reviewed = archive.translation(collection, id, locale)?.data.reviewed;
      if (reviewed !== undefined && reviewed > latest) latest = reviewed;
    }
  }
  return latest;
}

/** Events in the archive's time order (compareEvents), a sorted copy: the order of every export. */
export function exportOrder(events: readonly EventView[]): EventView[] {
  return [...events].sort(compareEvents);
}

/** The head every JSON export starts with. */
export function datasetHead(archive: Archive, options: ExportOptions, what: string) {
  return {
    title: `${SITE.name}: ${what}`,
    licence: SITE.contentLicence.name,
    licenceUrl: SITE.contentLicence.url,
    credit: SITE.name,
    documentation: absoluteUrl('/data/', options),
    generated: datasetVersion(archive),
  };
}

/** Pretty-printed JSON with a final newline, as the files are written. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A translation as the exports give it: the translated text (null where there is none) and how it stands. */
export interface TranslationRecord {
  /** `name` for actors. */
  title?: string | null;
  name?: string | null;
  summary: string | null;
  /** translated; outdated (the original was reviewed after the translation); missing (served in English). */
  status: TranslationStatus;
  /** When the translation was last checked against the original; null when missing. */
  reviewed: string | null;
}

/** `{ fr: { title, summary, status, reviewed } }`: one record per language the site is translated into. */
export function translationRecords(
  localized: (locale: TranslationLocale) => Localized<object> | undefined,
  titleKey: 'title' | 'name' = 'title',
): Record<TranslationLocale, TranslationRecord> {
  return Object.fromEntries(
    TRANSLATION_LOCALES.map((locale) => {
      const view = localized(locale);
      const info = view?.translation;
      const translated = info !== undefined && info !== null && info.status !== 'missing';
      return [
        locale,
        {
          [titleKey]: translated && info.fields?.includes(titleKey) ? view!.title : null,
          summary: translated && info.fields?.includes('summary') ? (view!.summary ?? null) : null,
          status: info?.status ?? 'missing',
          reviewed: translated ? (info.translationReviewed ?? null) : null,
        },
      ];
    }),
  ) as unknown as Record<TranslationLocale, TranslationRecord>;
}

/**
 * The one place pages read content: all three collections and their translations, once per
 * build, turned into the archive model by src/lib/archive.ts. (getCollection clones every
 * entry on each call, so the result is memoised.)
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, type Archive } from '../lib/archive.ts';
import { hasContent, parseTranslationId, translationId, type Locale, type TranslationEntry } from '../lib/content/translations.ts';

type BodyEntry =
  | CollectionEntry<'events'>
  | CollectionEntry<'incidents'>
  | CollectionEntry<'eventTranslations'>
  | CollectionEntry<'incidentTranslations'>;

let cached: Promise<{ archive: Archive; entries: Map<string, BodyEntry> }> | undefined;

/** A translation collection's entries as the archive takes them (ids of the originals). */
function translationEntries<T extends object>(entries: { id: string; data: T; body?: string; filePath?: string }[]): TranslationEntry<T>[] {
  return entries.flatMap((entry) => {
    const parsed = parseTranslationId(entry.id);
    if (!parsed) return [];
    return [{ id: parsed.originalId, lang: parsed.lang, data: entry.data, hasBody: hasContent(entry.body ?? ''), file: entry.filePath }];
  });
}

async function load() {
  const [incidents, actors, events, incidentTranslations, actorTranslations, eventTranslations] = await Promise.all([
    getCollection('incidents'),
    getCollection('actors'),
    getCollection('events'),
    getCollection('incidentTranslations'),
    getCollection('actorTranslations'),
    getCollection('eventTranslations'),
  ]);
  const archive = buildArchive({
    incidents: incidents.map((e) => ({ id: e.id, data: e.data, file: e.filePath })),
    actors: actors.map((e) => ({ id: e.id, data: e.data, file: e.filePath })),
    events: events.map((e) => ({ id: e.id, data: e.data, file: e.filePath })),
    translations: {
      incidents: translationEntries(incidentTranslations),
      actors: translationEntries(actorTranslations),
      events: translationEntries(eventTranslations),
    },
  });
  const entries = new Map<string, BodyEntry>();
  for (const entry of incidents) entries.set(`incidents:${entry.id}`, entry);
  for (const entry of events) entries.set(`events:${entry.id}`, entry);
  for (const entry of incidentTranslations) entries.set(`incidents:${entry.id}`, entry);
  for (const entry of eventTranslations) entries.set(`events:${entry.id}`, entry);
  return { archive, entries };
}

export async function getArchive(): Promise<Archive> {
  cached ??= load();
  return (await cached).archive;
}

/** The collection entry behind an event or incident, for render(). */
export async function getEntry(collection: 'events' | 'incidents', id: string) {
  cached ??= load();
  const entry = (await cached).entries.get(`${collection}:${id}`);
  if (!entry) throw new Error(`No ${collection} entry ${id}`);
  return entry as CollectionEntry<typeof collection>;
}

/**
 * The entry whose body a reader of `locale` gets, for render(): the translation when it
 * exists and has a body, else the original (its language is `archive.localizedEvent(…).bodyLang`).
 */
export async function getLocalizedEntry(collection: 'events' | 'incidents', id: string, locale: Locale): Promise<BodyEntry> {
  cached ??= load();
  const { archive, entries } = await cached;
  if (locale !== 'en' && archive.translation(collection, id, locale)?.hasBody) {
    const translated = entries.get(`${collection}:${translationId(id, locale)}`);
    if (translated) return translated;
  }
  return getEntry(collection, id);
}

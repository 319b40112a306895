/**
 * The one place pages read content: all three collections, once per build, turned into the
 * archive model by src/lib/archive.ts. (getCollection clones every entry on each call, so
 * the result is memoised.)
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, type Archive } from '../lib/archive.ts';

let cached: Promise<{ archive: Archive; entries: Map<string, CollectionEntry<'events'> | CollectionEntry<'incidents'>> }> | undefined;

async function load() {
  const [incidents, actors, events] = await Promise.all([
    getCollection('incidents'),
    getCollection('actors'),
    getCollection('events'),
  ]);
  const archive = buildArchive({
    incidents: incidents.map((e) => ({ id: e.id, data: e.data, file: e.filePath })),
    actors: actors.map((e) => ({ id: e.id, data: e.data, file: e.filePath })),
    events: events.map((e) => ({ id: e.id, data: e.data, file: e.filePath })),
  });
  const entries = new Map<string, CollectionEntry<'events'> | CollectionEntry<'incidents'>>();
  for (const entry of incidents) entries.set(`incidents:${entry.id}`, entry);
  for (const entry of events) entries.set(`events:${entry.id}`, entry);
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
  return entry;
}

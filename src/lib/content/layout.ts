/** Where content files live (the editors' contract) and how their ids follow from paths. */
import { ID_PATTERN } from '../schema/common.ts';

export const CONTENT_DIR = 'src/content';

export const COLLECTIONS = {
  incidents: { dir: 'incidents', extension: '.mdx', depth: 1 },
  actors: { dir: 'actors', extension: '.yaml', depth: 1 },
  events: { dir: 'events', extension: '.mdx', depth: 2 },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;

/**
 * The id of a file from its path inside its collection folder ("macron-2017/emleaks-posted.mdx"
 * → "macron-2017/emleaks-posted"), or why that path cannot hold an entry.
 */
export function idFromEntryPath(
  collection: CollectionName,
  relativePath: string,
): { ok: true; id: string } | { ok: false; message: string } {
  const { extension, depth } = COLLECTIONS[collection];
  const segments = relativePath.split('/');
  const fileName = segments[segments.length - 1];
  if (!fileName.endsWith(extension)) {
    return { ok: false, message: `only ${extension} files belong in src/content/${COLLECTIONS[collection].dir}/; this one would be ignored` };
  }
  if (segments.length !== depth) {
    return {
      ok: false,
      message:
        collection === 'events'
          ? 'an event file belongs in src/content/events/<incident-id>/<slug>.mdx'
          : `a ${collection.slice(0, -1)} file belongs directly in src/content/${COLLECTIONS[collection].dir}/`,
    };
  }
  segments[segments.length - 1] = fileName.slice(0, -extension.length);
  const bad = segments.find((segment) => !ID_PATTERN.test(segment));
  if (bad !== undefined) {
    return { ok: false, message: `"${bad}" is not a valid id: use lowercase letters, digits and single hyphens (e.g. "emleaks-posted")` };
  }
  return { ok: true, id: segments.join('/') };
}

/** The incident an event belongs to: its folder. */
export function incidentOfEvent(eventId: string): string {
  return eventId.split('/')[0];
}

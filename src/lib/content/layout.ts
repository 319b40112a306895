/** Where content files live (the editors' contract) and how their ids follow from paths. */
import { ID_PATTERN } from '../vocabulary.ts';
import { TRANSLATION_LOCALES, isTranslationLocale, type TranslationLocale } from './translations.ts';

/** The folder of all content, from the project root. */
export const CONTENT_DIR = 'src/content';

/** Each collection's folder under CONTENT_DIR, its files' extension and how deep they lie (events: <incident>/<slug>). */
export const COLLECTIONS = {
  incidents: { dir: 'incidents', extension: '.mdx', depth: 1 },
  actors: { dir: 'actors', extension: '.yaml', depth: 1 },
  events: { dir: 'events', extension: '.mdx', depth: 2 },
} as const;

/** `incidents`, `actors` or `events`. */
export type CollectionName = keyof typeof COLLECTIONS;

/** A collection's folder from the project root: "src/content/events". */
export function collectionDir(collection: CollectionName): string {
  return `${CONTENT_DIR}/${COLLECTIONS[collection].dir}`;
}

/** The file of an original entry from the project root: "src/content/events/macron-2017/emleaks-posted.mdx". */
export function entryFile(collection: CollectionName, id: string): string {
  return `${collectionDir(collection)}/${id}${COLLECTIONS[collection].extension}`;
}

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
    return { ok: false, message: `only ${extension} files belong in ${collectionDir(collection)}/; this one would be ignored` };
  }
  if (segments.length !== depth) {
    return {
      ok: false,
      message:
        collection === 'events'
          ? `an event file belongs in ${entryFile('events', '<incident-id>/<slug>')}`
          : `a ${collection.slice(0, -1)} file belongs directly in ${collectionDir(collection)}/`,
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

/** A language suffix before the extension: "emleaks-posted.fr.mdx" → "fr" (any letters, so ".de" is caught too). */
const LANG_SUFFIX = /^(.+)\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$/;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** "French" for "fr"; undefined for anything that is not a language code. */
function languageName(code: string): string | undefined {
  try {
    const name = languageNames.of(code);
    return name && name.toLowerCase() !== code.toLowerCase() ? name : undefined;
  } catch {
    return undefined;
  }
}

/** What a file in a collection folder is: an original, a translation of one, or neither (and why). */
export type ContentPath =
  | { ok: true; kind: 'original'; id: string }
  | { ok: true; kind: 'translation'; id: string; lang: TranslationLocale }
  | { ok: false; message: string };

/**
 * Like idFromEntryPath, but a file named `<id>.<lang><extension>` is a translation of the
 * entry `<id>` ("macron-2017/emleaks-posted.fr.mdx" → translation "fr" of
 * "macron-2017/emleaks-posted"). Only the languages of TRANSLATION_LOCALES are accepted.
 */
export function classifyEntryPath(collection: CollectionName, relativePath: string): ContentPath {
  const { extension } = COLLECTIONS[collection];
  const segments = relativePath.split('/');
  const fileName = segments[segments.length - 1];
  const suffixed = fileName.endsWith(extension) ? LANG_SUFFIX.exec(fileName.slice(0, -extension.length)) : null;
  if (!suffixed) {
    const id = idFromEntryPath(collection, relativePath);
    return id.ok ? { ok: true, kind: 'original', id: id.id } : id;
  }
  const [, stem, lang] = suffixed;
  const language = languageName(lang);
  if (!isTranslationLocale(lang) && language === undefined) {
    // Not a language ("notes.old.mdx"): an original with a dot in its name.
    const id = idFromEntryPath(collection, relativePath);
    return id.ok ? { ok: true, kind: 'original', id: id.id } : id;
  }
  if (!isTranslationLocale(lang) && isTranslationLocale(lang.toLowerCase())) {
    return {
      ok: false,
      message: `write the language in lowercase: ${fileName.replace(`.${lang}${extension}`, `.${lang.toLowerCase()}${extension}`)}`,
    };
  }
  if (lang.toLowerCase() === 'en') {
    return { ok: false, message: `originals are in English and carry no language suffix: name it ${stem}${extension}` };
  }
  if (!isTranslationLocale(lang)) {
    const supported = TRANSLATION_LOCALES.map((code) => `.${code}${extension}`).join(', ');
    return {
      ok: false,
      message:
        `"${lang}" (${language}) is not a language the site is translated into: only ` +
        `${TRANSLATION_LOCALES.map((code) => `${code} (${languageName(code)})`).join(', ')} is supported for now, in ` +
        `files named <id>${supported}`,
    };
  }
  segments[segments.length - 1] = `${stem}${extension}`;
  const id = idFromEntryPath(collection, segments.join('/'));
  if (!id.ok) return { ok: false, message: id.message.replace(`<slug>${extension}`, `<slug>.${lang}${extension}`) };
  return { ok: true, kind: 'translation', id: id.id, lang };
}

/** Glob patterns of a collection's originals (every file but translations) and of its translations. */
export function collectionPatterns(collection: CollectionName): { originals: string[]; translations: string[] } {
  const { extension } = COLLECTIONS[collection];
  const translations = TRANSLATION_LOCALES.map((lang) => `**/*.${lang}${extension}`);
  return { originals: ['**/*', ...translations.map((pattern) => `!${pattern}`)], translations };
}

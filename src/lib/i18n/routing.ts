/**
 * The two editions' addresses: English at the root, French under /fr/. Pure functions on
 * site paths (without the deployment base), shared by pages, the sitemap and the tests.
 */
export const LANGS = ['en', 'fr'] as const;
/** A language the site has an edition in. */
export type Lang = (typeof LANGS)[number];
/** The language of the edition at the site root. */
export const DEFAULT_LANG: Lang = 'en';

/** BCP 47 tags for hreflang and the sitemap. */
export const HREFLANG: Record<Lang, string> = { en: 'en', fr: 'fr' };

/** The name of each edition, written in its own language (for the language switch). */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français' };

/** Whether a value is one of the editions' languages. */
export const isLang = (value: unknown): value is Lang => (LANGS as readonly unknown[]).includes(value);

function stripBase(pathname: string, base = '/'): string {
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  return trimmed && pathname.startsWith(trimmed) ? pathname.slice(trimmed.length) || '/' : pathname;
}

/** The edition a page belongs to, from its address: "/fr/events/" → "fr". */
export function langOfPath(pathname: string, base = '/'): Lang {
  return /^\/fr(\/|$)/.test(stripBase(pathname, base)) ? 'fr' : 'en';
}

/** A site path without its language prefix: "/fr/events/x/" → "/events/x/". */
export function unlocalizedPath(path: string): string {
  const match = /^\/fr(\/|$)(.*)$/s.exec(path);
  return match ? `/${match[2]}` : path;
}

/** A site path in one edition: ("fr", "/events/x/") → "/fr/events/x/"; ("en", "/fr/") → "/". */
export function localizedPath(lang: Lang, path: string): string {
  if (/^[a-z]+:/i.test(path) || path.startsWith('#') || path.startsWith('?')) return path;
  const plain = unlocalizedPath(path.startsWith('/') ? path : `/${path}`);
  return lang === DEFAULT_LANG ? plain : `/${lang}${plain}`;
}

/** The same page in every edition, from this page's path under the base. */
export function alternatePaths(pathname: string, base = '/'): Record<Lang, string> {
  const plain = unlocalizedPath(stripBase(pathname, base));
  return Object.fromEntries(LANGS.map((lang) => [lang, localizedPath(lang, plain)])) as Record<Lang, string>;
}

/**
 * A link checker for the built site: every internal href, src, srcset and form action on
 * every page must name a built file, and every #fragment must be an id in its target page.
 * Addresses on other hosts, mailto:, tel: and data: are not checked; javascript: is refused.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder } from '../../src/lib/files.ts';
import { fragmentTargets, scanTags, type Tag } from './html.ts';

export interface LinkProblem {
  /** The page, as a path of the site ("/events/x/y/"). */
  page: string;
  /** The element and attribute ("a href"). */
  where: string;
  url: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  /** Internal links checked. */
  checked: number;
  problems: LinkProblem[];
}

export interface SiteAddress {
  /** The site's origin as built (astro `site`): links to it are internal. */
  site: string;
  /** The base path (astro `base`), "/" or "/repository/". */
  base: string;
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  href: ['a', 'area', 'link', 'use', 'image'],
  'xlink:href': ['a', 'use', 'image'],
  src: ['script', 'img', 'iframe', 'source', 'audio', 'video', 'track', 'embed', 'input'],
  srcset: ['img', 'source'],
  action: ['form'],
  poster: ['video'],
  data: ['object'],
};

function htmlFiles(dist: string): string[] {
  return filesUnder(dist, (name) => name.endsWith('.html')).map((path) => relative(dist, path).split('\\').join('/'));
}

/** The address a built file is served at: "events/x/index.html" → "/base/events/x/". */
export function pagePath(file: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return root + file.replace(/(^|\/)index\.html$/, '$1');
}

/** The URLs a tag points to, with the attribute that holds each. */
function urlsOf(tag: Tag): { attribute: string; url: string }[] {
  const found: { attribute: string; url: string }[] = [];
  for (const [attribute, names] of Object.entries(URL_ATTRIBUTES)) {
    const value = tag.attrs[attribute];
    if (value === undefined || !names.includes(tag.name)) continue;
    if (attribute === 'srcset') {
      for (const candidate of value.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) found.push({ attribute, url });
      }
    } else found.push({ attribute, url: value.trim() });
  }
  return found;
}

/** Checks every page of a built site; reports every problem, not only the first. */
export function checkLinks(dist: string, address: SiteAddress): LinkReport {
  const origin = new URL(address.site).origin;
  const base = address.base.endsWith('/') ? address.base : `${address.base}/`;
  const pages = htmlFiles(dist);
  const problems: LinkProblem[] = [];
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string, tags?: Tag[]) => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = fragmentTargets(tags ?? scanTags(readFileSync(join(dist, file), 'utf8')));
      idCache.set(file, ids);
    }
    return ids;
  };
  /** The built file an address path names, or why there is none. */
  const fileFor = (pathname: string): { file?: string; reason?: string } => {
    if (!pathname.startsWith(base) && `${pathname}/` !== base) return { reason: `outside the base path ${base}` };
    let rest: string;
    try {
      rest = decodeURIComponent(pathname.slice(base.length));
    } catch {
      return { reason: 'malformed %-escape in the path' };
    }
    if (rest.split('/').includes('..')) return { reason: 'path goes above the site root' };
    const candidate = rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
    const full = join(dist, candidate);
    if (existsSync(full) && statSync(full).isFile()) return { file: candidate };
    if (existsSync(join(full, 'index.html'))) return { reason: 'names a folder without the trailing slash (a redirect on most hosts)' };
    return { reason: 'no such file in the build' };
  };

  let checked = 0;
  for (const file of pages) {
    const page = pagePath(file, base);
    const pageUrl = new URL(page, origin);
    const tags = scanTags(readFileSync(join(dist, file), 'utf8'));
    idsOf(file, tags);
    let baseHref = pageUrl;
    for (const tag of tags) {
      if (tag.closing) continue;
      if (tag.name === 'base' && tag.attrs.href) baseHref = new URL(tag.attrs.href, pageUrl);
      for (const { attribute, url } of urlsOf(tag)) {
        const where = `${tag.name} ${attribute}`;
        const report = (reason: string) => problems.push({ page, where, url, reason });
        if (url === '') {
          report('empty address');
          continue;
        }
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1].toLowerCase();
        if (scheme === 'javascript' || scheme === 'vbscript') {
          report(`${scheme}: address`);
          continue;
        }
        if (scheme && !['http', 'https'].includes(scheme)) continue; // mailto:, tel:, data:, blob:
        let target: URL;
        try {
          target = new URL(url, baseHref);
        } catch {
          report('not a valid address');
          continue;
        }
        if (target.origin !== origin) continue; // another host
        checked++;
        const found = fileFor(target.pathname);
        if (!found.file) {
          report(found.reason!);
          continue;
        }
        const fragment = target.hash.slice(1);
        if (!fragment || fragment.startsWith(':~:')) continue;
        if (!found.file.endsWith('.html')) {
          if (!found.file.endsWith('.svg')) report(`#${fragment} on a file that is not a page`);
          continue;
        }
        let id: string;
        try {
          id = decodeURIComponent(fragment);
        } catch {
          report('malformed %-escape in the fragment');
          continue;
        }
        if (id === 'top') continue; // always valid
        if (!idsOf(found.file).has(id)) report(`no id="${id}" in ${pagePath(found.file, base)}`);
      }
    }
  }
  return { pages: pages.length, checked, problems };
}

/** One line per problem: "page  element attribute  url  reason". */
export function formatLinkProblems(problems: LinkProblem[]): string {
  return problems.map((p) => `${p.page}  <${p.where}="${p.url}">  ${p.reason}`).join('\n');
}

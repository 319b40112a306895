/**
 * Security of every built page: a Content Security Policy <meta> with no 'unsafe-inline'
 * for scripts, that allows exactly what the page uses; nothing inline that such a policy
 * would block; new tabs opened without an opener or referrer; sources linked over http(s).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { descendants, hasClass, scanTags, type Tag } from '../../scripts/lib/html.ts';
import { pagePath } from '../../scripts/lib/links.ts';
import { builtSite, htmlPages } from './site.ts';

interface Page {
  path: string;
  tags: Tag[];
}

let pages: Page[];

beforeAll(async () => {
  const dist = await builtSite();
  pages = htmlPages(dist).map((file) => ({ path: pagePath(file, '/'), tags: scanTags(readFileSync(join(dist, file), 'utf8')) }));
});

/** The policy of a page's CSP <meta>, as directive → sources. */
function policyOf(tags: Tag[]): Map<string, string[]> | undefined {
  const meta = tags.find((tag) => tag.name === 'meta' && tag.attrs['http-equiv']?.toLowerCase() === 'content-security-policy');
  if (!meta) return undefined;
  const policy = new Map<string, string[]>();
  for (const directive of (meta.attrs.content ?? '').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const isJavaScript = (tag: Tag) =>
  ['', 'module', 'text/javascript', 'application/javascript'].includes((tag.attrs.type ?? '').toLowerCase());
/** Reports every failure of a check over every page at once. */
function everyPage(check: (page: Page, fail: (message: string) => void) => void) {
  const failures: string[] = [];
  for (const page of pages) check(page, (message) => failures.push(`${page.path}: ${message}`));
  expect(failures, failures.join('\n')).toEqual([]);
  expect(pages.length).toBeGreaterThan(100);
}

describe('the Content Security Policy of every built page', () => {
  it('is one <meta http-equiv="content-security-policy"> in <head>, before any script or stylesheet', () => {
    everyPage(({ tags }, fail) => {
      const metas = tags.filter((tag) => tag.name === 'meta' && tag.attrs['http-equiv']?.toLowerCase() === 'content-security-policy');
      if (metas.length !== 1) return fail(`${metas.length} CSP <meta> elements`);
      const index = tags.indexOf(metas[0]);
      const headEnd = tags.findIndex((tag) => tag.name === 'head' && tag.closing);
      if (headEnd < 0 || index > headEnd) fail('the CSP <meta> is not in <head>');
      const early = tags
        .slice(0, index)
        .find(
          (tag) =>
            !tag.closing &&
            (tag.name === 'script' ||
              tag.name === 'style' ||
              (tag.name === 'link' && /stylesheet|modulepreload|preload/.test(tag.attrs.rel ?? ''))),
        );
      if (early) fail(`<${early.name}> comes before the CSP <meta>, so the policy does not cover it`);
    });
  });

  it("never allows inline or eval'd script, nor script from another origin", () => {
    everyPage(({ tags }, fail) => {
      const policy = policyOf(tags);
      if (!policy) return fail('no CSP');
      for (const name of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src']) {
        const sources = policy.get(name);
        if (!sources) continue;
        for (const bad of [
          "'unsafe-inline'",
          "'unsafe-eval'",
          "'unsafe-hashes'",
          "'wasm-unsafe-eval'",
          '*',
          'data:',
          'blob:',
          'http:',
          'https:',
        ]) {
          if (sources.includes(bad)) fail(`${name} allows ${bad}`);
        }
        const remote = sources.filter((s) => !s.startsWith("'") && s !== 'data:' && s !== 'blob:');
        if (name !== 'default-src' && remote.length) fail(`${name} allows other origins: ${remote.join(' ')}`);
      }
      if (!policy.get('script-src')?.includes("'self'")) fail("script-src lacks 'self'");
    });
  });

  it(
    "allows what the site uses and nothing more: own styles, images from 'self', data: and blob:, frames from " +
      "'self', no remote connections or plugins",
    () => {
      everyPage(({ tags }, fail) => {
        const policy = policyOf(tags);
        if (!policy) return fail('no CSP');
        const expectExactly = (name: string, sources: string[]) => {
          const actual = policy.get(name);
          if (!actual || [...actual].sort().join(' ') !== [...sources].sort().join(' '))
            fail(`${name} is ${JSON.stringify(actual)}, expected ${sources.join(' ')}`);
        };
        expectExactly('default-src', ["'self'"]);
        expectExactly('img-src', ["'self'", 'data:', 'blob:']);
        expectExactly('frame-src', ["'self'"]);
        expectExactly('connect-src', ["'self'"]);
        expectExactly('object-src', ["'none'"]);
        expectExactly('base-uri', ["'self'"]);
        expectExactly('form-action', ["'self'"]);
        const style = policy.get('style-src') ?? [];
        if (!style.includes("'self'")) fail("style-src lacks 'self'");
        if (style.includes("'unsafe-inline'")) fail("style-src allows 'unsafe-inline'");
        if (style.some((s) => !s.startsWith("'"))) fail(`style-src allows other origins: ${style.join(' ')}`);
        // frame-ancestors is ignored in a <meta>: it belongs in the HTTP headers (public/_headers).
        if (policy.has('frame-ancestors')) fail('frame-ancestors in a <meta> is ignored by browsers; set it in public/_headers');
      });
    },
  );

  it('lists the hash of every inline script and style, and has nothing inline that the policy would block', () => {
    everyPage(({ tags }, fail) => {
      const policy = policyOf(tags);
      if (!policy) return fail('no CSP');
      const scriptSources = policy.get('script-src-elem') ?? policy.get('script-src') ?? [];
      const styleSources = policy.get('style-src-elem') ?? policy.get('style-src') ?? [];
      for (const tag of tags) {
        if (tag.closing) continue;
        if (tag.name === 'script' && !tag.attrs.src && isJavaScript(tag) && !scriptSources.includes(sha256(tag.text ?? '')))
          fail(`inline <script> without its hash in the policy: ${(tag.text ?? '').slice(0, 60)}`);
        if (tag.name === 'style' && !styleSources.includes(sha256(tag.text ?? '')))
          fail(`inline <style> without its hash in the policy: ${(tag.text ?? '').slice(0, 60)}`);
        for (const attribute of Object.keys(tag.attrs)) {
          if (/^on[a-z]+$/.test(attribute)) fail(`<${tag.name} ${attribute}>: inline event handlers are blocked by the policy`);
        }
        if (tag.attrs.style !== undefined)
          fail(`<${tag.name} style="${tag.attrs.style}">: style attributes are blocked by the policy; use a class`);
      }
    });
  });
});

describe('links on every built page', () => {
  it('open a new tab only with rel="noopener noreferrer"', () => {
    everyPage(({ tags }, fail) => {
      for (const tag of tags) {
        if (tag.closing || !['a', 'area', 'form'].includes(tag.name)) continue;
        const target = (tag.attrs.target ?? '').toLowerCase();
        if (!target || ['_self', '_parent', '_top'].includes(target)) continue;
        const rel = (tag.attrs.rel ?? '').toLowerCase().split(/\s+/);
        // A form that opens its own site's page in a new tab hands no opener to anyone else.
        if (tag.name === 'form' && (tag.attrs.action ?? '').startsWith('/')) continue;
        for (const needed of ['noopener', 'noreferrer']) {
          if (!rel.includes(needed))
            fail(`<${tag.name} target="${tag.attrs.target}" href="${tag.attrs.href ?? tag.attrs.action}"> lacks rel="${needed}"`);
        }
      }
    });
  });

  it('link every source (ol.sources a) over http or https only', () => {
    let sources = 0;
    everyPage(({ tags }, fail) => {
      for (const list of tags.filter((tag) => tag.name === 'ol' && !tag.closing && hasClass(tag, 'sources'))) {
        for (const link of descendants(tags, list).filter((tag) => tag.name === 'a' && !tag.closing)) {
          sources++;
          let protocol = '';
          try {
            protocol = new URL(link.attrs.href ?? '').protocol;
          } catch {
            // not an absolute address
          }
          if (protocol !== 'http:' && protocol !== 'https:') fail(`source link "${link.attrs.href}" is not http(s)`);
        }
      }
    });
    expect(sources).toBeGreaterThan(0);
  });
});

/**
 * public/_headers (Netlify, Cloudflare Pages): the headers a <meta> cannot carry. Embeds
 * may be framed by anyone, every other page only by this site; nosniff and the referrer
 * policy everywhere. Checked against the file and against every page of a fresh build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pagePath } from '../../scripts/lib/links.ts';
import { ROOT } from '../helpers.ts';
import { builtSite, htmlPages } from './site.ts';

interface Rule {
  path: string;
  line: number;
  headers: { name: string; value: string }[];
}

/** Reads a _headers file: a path line, then indented "Name: value" lines; # starts a comment. */
function parseHeadersFile(text: string): Rule[] {
  const rules: Rule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (/^\s*(#|$)/.test(raw)) return;
    if (!/^\s/.test(raw)) {
      rules.push({ path: raw.trim(), line: index + 1, headers: [] });
      return;
    }
    const match = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(raw);
    if (!match || !rules.length) throw new Error(`_headers line ${index + 1} is neither a path nor "Name: value": ${raw}`);
    rules[rules.length - 1].headers.push({ name: match[1].toLowerCase(), value: match[2].trim() });
  });
  return rules;
}

/** Netlify and Cloudflare Pages path patterns: * matches anything (also nothing), :name one segment. */
function matchesPath(pattern: string, path: string): boolean {
  const regex = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${regex}$`).test(path);
}

const rules = parseHeadersFile(readFileSync(join(ROOT, 'public/_headers'), 'utf8'));
const header = (rule: Rule | undefined, name: string) => rule?.headers.find((h) => h.name === name)?.value;
const frameAncestors = (csp: string | undefined) => /(?:^|;)\s*frame-ancestors\s+([^;]*)/.exec(csp ?? '')?.[1].trim();

describe('public/_headers', () => {
  it('opens /embed/* to any framing site, with no other policy on it', () => {
    const embed = rules.find((rule) => rule.path === '/embed/*');
    expect(frameAncestors(header(embed, 'content-security-policy'))).toBe('*');
    expect(header(embed, 'x-frame-options')).toBeUndefined();
  });

  it("limits framing to 'self' on the other path groups (CSP, and X-Frame-Options for old browsers)", () => {
    // Rules for data files set only their Content-Type; every rule for pages sets the framing policy.
    const others = rules.filter(
      (rule) =>
        rule.path !== '/*' &&
        !rule.path.replace(/^\/fr\//, '/').startsWith('/embed/') &&
        !rule.headers.every((h) => h.name === 'content-type'),
    );
    expect(others.length).toBeGreaterThan(0);
    for (const rule of others) {
      expect(frameAncestors(header(rule, 'content-security-policy')), rule.path).toBe("'self'");
      expect(header(rule, 'x-frame-options'), rule.path).toBe('SAMEORIGIN');
    }
  });

  it('sends nosniff and strict-origin-when-cross-origin for every path', () => {
    const all = rules.find((rule) => rule.path === '/*');
    expect(header(all, 'x-content-type-options')).toBe('nosniff');
    expect(header(all, 'referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});

it('serves the CSV files as UTF-8, and sets nothing else on them', () => {
  for (const path of ['/data/events.csv', '/data/events-excel.csv']) {
    const rule = rules.find((r) => r.path === path);
    expect(rule?.headers, path).toEqual([{ name: 'content-type', value: 'text/csv; charset=utf-8' }]);
  }
});

describe('the headers of every built page', () => {
  let dist: string;
  let pages: string[];
  beforeAll(async () => {
    dist = await builtSite();
    pages = htmlPages(dist).map((file) => pagePath(file, '/'));
  });

  it('ships _headers in the build, unchanged', () => {
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toBe(readFileSync(join(ROOT, 'public/_headers'), 'utf8'));
  });

  it("gives each page exactly one framing policy: * under /embed/, 'self' elsewhere; and nosniff and the referrer policy", () => {
    const problems: string[] = [];
    for (const page of pages) {
      const matching = rules.filter((rule) => matchesPath(rule.path, page));
      const values = new Map<string, string[]>();
      for (const rule of matching) for (const h of rule.headers) values.set(h.name, [...(values.get(h.name) ?? []), h.value]);
      // One value per header, so that how a host combines overlapping rules never matters.
      for (const [name, list] of values)
        if (list.length > 1) problems.push(`${page}: ${name} set by ${list.length} rules (${matching.map((r) => r.path).join(', ')})`);
      const csp = values.get('content-security-policy') ?? [];
      const expected = page.replace(/^\/fr\//, '/').startsWith('/embed/') ? '*' : "'self'";
      if (csp.length !== 1 || frameAncestors(csp[0]) !== expected)
        problems.push(`${page}: frame-ancestors should be ${expected}, got ${JSON.stringify(csp)} (add its path to public/_headers)`);
      if (values.get('x-content-type-options')?.[0] !== 'nosniff') problems.push(`${page}: no X-Content-Type-Options: nosniff`);
      if (values.get('referrer-policy')?.[0] !== 'strict-origin-when-cross-origin') problems.push(`${page}: no Referrer-Policy`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
    expect(pages.length).toBeGreaterThan(100);
  });
});

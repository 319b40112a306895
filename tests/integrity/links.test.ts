/**
 * The link checker over a fresh build: every internal href, src, srcset and form action
 * names a built file, and every #fragment is an id of its target page. All failures are
 * reported at once, with the page and the link.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { checkLinks, formatLinkProblems, type LinkReport } from '../../scripts/lib/links.ts';
import { builtSite } from './site.ts';

let report: LinkReport;

beforeAll(async () => {
  report = checkLinks(await builtSite(), { site: config.site!, base: config.base ?? '/' });
});

describe('links of the built site', () => {
  it('resolve: every internal address names a built file, every #fragment an id in its page', () => {
    expect(report.problems, `${report.problems.length} broken link(s):\n${formatLinkProblems(report.problems)}`).toEqual([]);
  });

  it('were all checked (every page, thousands of links)', () => {
    expect(report.pages).toBeGreaterThan(100);
    expect(report.checked).toBeGreaterThan(1000);
  });
});

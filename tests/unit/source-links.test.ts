/**
 * The weekly source-link check, offline: linkinator with the workflow's own options against
 * a local server with one live and one dead page, the issue body it produces, and the
 * workflow file that runs it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ISSUE_LABEL,
  ISSUE_MARKER,
  ISSUE_TITLE,
  checkSourceLinks,
  deadLinksIssueBody,
  sourceLinks,
  type SourceLink,
} from '../../scripts/lib/source-links.ts';
import { buildArchive } from '../../src/lib/archive.ts';
import { ROOT } from '../helpers.ts';
import { realContent } from '../real-content.ts';

let server: Server;
let origin = '';
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requested.push(request.url ?? '');
    if (request.url === '/live') {
      response.writeHead(200, { 'content-type': 'text/html' });
      // A link inside a source page is never followed.
      response.end('<!doctype html><title>Live</title><a href="/inside">inside</a>');
    } else if (request.url === '/robots-only') {
      response.writeHead(403).end();
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('gone');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('checkSourceLinks(links) with the workflow’s options, against a local server', () => {
  it('reports the dead address only, never follows links inside a page, and does not call a 403 dead', async () => {
    const links: SourceLink[] = [
      { url: `${origin}/live`, events: ['a/live'] },
      { url: `${origin}/dead`, events: ['a/dead', 'b/dead'] },
      { url: `${origin}/robots-only`, events: ['a/robots'] },
    ];
    const dead = await checkSourceLinks(links, { retryErrors: false });
    expect(dead).toEqual([{ url: `${origin}/dead`, events: ['a/dead', 'b/dead'], status: 404 }]);
    expect(requested).not.toContain('/inside');
  });

  it('writes one issue body listing each dead address with a Wayback search, or its archived copy', () => {
    const body = deadLinksIssueBody(
      [
        { url: `${origin}/dead`, events: ['a/dead'], status: 404 },
        { url: `${origin}/moved`, archived: 'https://web.archive.org/web/2020/x', events: ['a/moved'], status: 0 },
      ],
      3,
      { date: '2026-12-07', siteUrl: 'https://example.org/' },
    );
    expect(body.slice(0, ISSUE_MARKER.length)).toBe(ISSUE_MARKER);
    expect(body).toContain('The weekly check of 3 source addresses on 2026-12-07 found 2');
    expect(body).toContain(
      `| ${origin}/dead | 404 | [a/dead](https://example.org/events/a/dead/) | [look for archived ` +
        `copies](https://web.archive.org/web/*/${origin}/dead) (a search, not a copy) |`,
    );
    expect(body).toContain('| no answer |');
    expect(body).toContain('[archived copy](https://web.archive.org/web/2020/x)');
  });
});

describe('sourceLinks(archive) on the real content', () => {
  it('lists every source address once, with every event that cites it', () => {
    const archive = buildArchive(realContent());
    const links = sourceLinks(archive);
    const all = new Set(archive.events.flatMap((e) => e.data.sources.map((s) => s.url)));
    expect(links.map((l) => l.url).sort()).toEqual([...all].sort());
    const france24 = links.find((l) => l.url.includes('20170508-french-media-blackout'))!;
    expect(france24.events.length).toBeGreaterThan(1);
  });
});

describe('.github/workflows/source-links.yml', () => {
  const workflow = parse(readFileSync(join(ROOT, '.github/workflows/source-links.yml'), 'utf8'));
  const steps: { name?: string; run?: string; if?: string; id?: string }[] = workflow.jobs.check.steps;
  const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['check:sources'];

  it('runs weekly (and by hand, never on pull requests) with permission to write issues only, keeping no token in the checkout', () => {
    expect(workflow.on.schedule).toHaveLength(1);
    const [minute, hour, day, month, weekday] = workflow.on.schedule[0].cron.split(' ');
    expect([day, month]).toEqual(['*', '*']);
    expect(weekday).toMatch(/^[0-6]$/);
    expect(Number(minute)).toBeLessThan(60);
    expect(Number(hour)).toBeLessThan(24);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.check.permissions).toEqual({ contents: 'read', issues: 'write' });
    const checkout = workflow.jobs.check.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/checkout'));
    expect(checkout.with['persist-credentials']).toBe(false);
  });

  it('runs the tested checker and keeps one labelled issue: updated if open, created otherwise, closed when clean', () => {
    expect(script).toBe('node scripts/check-sources.ts');
    const check = steps.find((s) => s.id === 'check')!;
    expect(check.run).toBe('npm run check:sources -- --report source-links.md');
    const update = steps.find((s) => s.if === "steps.check.outputs.dead != '0'")!.run!;
    expect(update).toContain('gh issue list --state open --label "$LABEL"');
    expect(update).toContain('gh issue edit "$number" --body-file source-links.md');
    expect(update).toContain('gh issue create --title "$TITLE" --label "$LABEL" --body-file source-links.md');
    expect(steps.find((s) => s.if === "steps.check.outputs.dead == '0'")!.run).toContain('gh issue close');
    expect(workflow.jobs.check.env).toMatchObject({ LABEL: ISSUE_LABEL, TITLE: ISSUE_TITLE });
  });
});

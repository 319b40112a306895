/**
 * A dense chart (more events than DENSE_EVENTS), as a reader meets it: a site of synthetic
 * events (scripts/bench/synthetic.ts, the bench's generator) built once for this file.
 * Shown as the build drew it, the chart is ready at once and lays itself out when idle; a
 * gesture slides the view along and lays it out when it rests; the table is made when opened.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBenchProject, writeSyntheticContent } from '../../scripts/bench/synthetic.ts';
import { chartDataVersion } from '../../src/site/chart-data.ts';
import { closeBrowser, expectNoErrors, openPage, ROOT, serveStatic } from './harness.ts';

const COUNT = 480;
const DIR = join(ROOT, 'tests/.tmp/e2e-dense');
let base = '';
let server: Server | undefined;

beforeAll(async () => {
  if (!(process.env.E2E_DENSE_BUILT === DIR && existsSync(join(DIR, 'dist/index.html')))) {
    rmSync(DIR, { recursive: true, force: true });
    makeBenchProject(ROOT, DIR);
    writeSyntheticContent(join(DIR, 'src/content'), COUNT);
    const started = Date.now();
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', DIR], {
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DEV_BACKGROUND: '0', GITHUB_ACTIONS: '' },
    });
    if (build.status !== 0)
      throw new Error(`the dense site did not build (exit ${build.status}):\n${build.stdout.slice(-3000)}\n${build.stderr}`);
    console.log(`e2e: built a site of ${COUNT} synthetic events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const served = await serveStatic(join(DIR, 'dist'));
  base = served.url;
  server = served.server;
}, 900_000);

afterAll(async () => {
  await closeBrowser();
  server?.close();
});

const open = (path = '/', options: Parameters<typeof openPage>[1] = {}) => openPage(path, { ...options, base });
const DRAWN = 'svg.tl-svg-horizontal a.tl-mark';

/** Ctrl + wheel `steps` notches just before T−0, as a reader looks closer; resolves once the zoom is in the address. */
async function zoomInAtVote(page: Page, steps: number) {
  const vote = (await page.locator('svg.tl-svg-horizontal .tl-vote line').boundingBox())!;
  await page.mouse.move(vote.x - 20, vote.y + 60);
  await page.keyboard.down('Control');
  for (let i = 0; i < steps; i++) await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await page.waitForURL(/from=/);
}

describe(`a chart of ${COUNT} events`, () => {
  it('is ready as the build drew it (links, one tab stop), then laid out when idle without a change a reader could see', async () => {
    const { page, errors } = await open();
    const atReady = await page.evaluate((drawn) => {
      const svg = document.querySelector('svg.tl-svg-horizontal') as SVGSVGElement;
      return {
        dense: svg.hasAttribute('data-dense'),
        links: document.querySelectorAll(drawn).length,
        stops: [...document.querySelectorAll(`${drawn}[tabindex="0"]`)].map((a) => a.getAttribute('data-event-id')),
        tabStop: svg.dataset.tabStop,
        clusters: svg.querySelectorAll('.tl-cluster').length,
      };
    }, DRAWN);
    expect(atReady.dense).toBe(true);
    expect(atReady.links, 'only what the view shows is a link').toBeLessThan(COUNT);
    expect(atReady.links).toBeGreaterThan(20);
    expect(atReady.stops, 'one tab stop: the first event of the top lane').toEqual([atReady.tabStop]);
    await page.waitForFunction(() => performance.getEntriesByName('timeline:layout-at-load').length > 0, undefined, { timeout: 10_000 });
    const laidOut = await page.evaluate(
      (drawn) => ({
        links: document.querySelectorAll(drawn).length,
        clusters: document.querySelectorAll('svg.tl-svg-horizontal .tl-cluster').length,
      }),
      DRAWN,
    );
    expect(laidOut, 'laid out here, the chart is the one the build drew').toEqual({ links: atReady.links, clusters: atReady.clusters });
    expectNoErrors(errors);
  });

  it('names, on every page with a dense chart, the data file the site serves for it, by its digest', async () => {
    // (Each incident's own chart here has too few events to be dense.)
    const pages = ['/', '/fr/', '/embed/timeline/', '/fr/embed/timeline/'];
    for (const path of pages) {
      const html = await (await fetch(new URL(path, base))).text();
      const src = html.match(/<script type="module" src="(\/chart-data\/[^"]+)"/)?.[1];
      const lang = path.startsWith('/fr/') ? 'fr' : 'en';
      expect(src, `${path} loads its chart's data, of its edition`).toMatch(
        new RegExp(`^/chart-data/${lang}/[\\w-]+\\.js\\?v=[0-9a-f]{12}$`),
      );
      const file = await fetch(new URL(src!, base));
      expect(file.ok, `${src} is served`).toBe(true);
      expect(chartDataVersion(await file.text()), `${path}: the file served is the one the page was built with`).toBe(src!.split('?v=')[1]);
    }
  });

  it('waits for its events data, a file beside the page: as drawn until it comes, enhanced once it does, as drawn if never', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { page, errors } = await open('/', {
      waitFor: 'parsed',
      before: (p) =>
        p.route(/\/chart-data\//, async (route) => {
          await held;
          await route.continue();
        }),
    });
    await page.waitForFunction(() => customElements.get('timeline-chart') !== undefined);
    const waiting = await page.evaluate(
      (drawn) => ({
        enhanced: document.querySelector('timeline-chart')!.classList.contains('is-enhanced'),
        links: document.querySelectorAll(drawn).length,
      }),
      DRAWN,
    );
    expect(waiting.enhanced, 'the chart waits for its data before it takes over').toBe(false);
    expect(waiting.links, "meanwhile the build's links are there").toBeGreaterThan(20);
    release();
    await page.waitForFunction(() => document.querySelector('timeline-chart')!.classList.contains('is-enhanced'), undefined, {
      timeout: 10_000,
    });
    await page.waitForFunction(() => performance.getEntriesByName('timeline:layout-at-load').length > 0, undefined, { timeout: 10_000 });
    expect(await page.locator(DRAWN).count(), 'laid out with its data, as the build drew it').toBe(waiting.links);
    expectNoErrors(errors);

    const refused = await open('/', { waitFor: 'parsed', before: (p) => p.route(/\/chart-data\//, (route) => route.abort()) });
    await refused.page.waitForLoadState('load');
    await refused.page.waitForTimeout(500);
    expect(
      await refused.page.evaluate(() => document.querySelector('timeline-chart')!.classList.contains('is-enhanced')),
      'without its data the chart stays as the build drew it',
    ).toBe(false);
    expect(
      refused.errors.filter((e) => !e.includes('chart-data') && !e.includes('Failed to load resource')),
      'no error but the refused file',
    ).toEqual([]);
    const first = refused.page.locator(DRAWN).first();
    const target = await first.getAttribute('href');
    // Followed as a keyboard does (marks overlap where a pointer would land).
    await first.focus();
    await refused.page.keyboard.press('Enter');
    await refused.page.waitForURL((url) => url.pathname === target);
  });

  it('keyboard: the skip link lands on the first event, arrows move on and show each card', async () => {
    const { page, errors } = await open();
    await page.getByRole('link', { name: 'Skip to the timeline' }).focus();
    await page.keyboard.press('Enter');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-event-id'));
    expect(first).toBe(await page.locator('svg.tl-svg-horizontal').getAttribute('data-tab-stop'));
    await page.keyboard.press('ArrowRight');
    const next = await page.evaluate(() => document.activeElement?.getAttribute('data-event-id'));
    expect(next, 'ArrowRight moves to another event').toMatch(/^bench-0\//);
    expect(next).not.toBe(first);
    const card = page.locator('.tl-tooltip');
    await card.waitFor({ state: 'visible' });
    // The card's words come from the chart's events data (a dense chart's links carry only id and name).
    expect(await card.textContent()).toMatch(/Synthetic event number \d+ of kind \w+.*T[−+]/);
    expectNoErrors(errors);
  });

  it('holds every event in the accessibility tree, at load and zoomed in; a screen reader following one shows its mark', async () => {
    const { page, errors } = await open();
    await page.waitForFunction(() => performance.getEntriesByName('timeline:every-event').length > 0, undefined, { timeout: 10_000 });
    const linkNames = async () => {
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
      };
      await cdp.detach();
      return new Set(nodes.filter((n) => !n.ignored && n.role?.value === 'link').map((n) => n.name?.value ?? ''));
    };
    // Every event's accessible name, as the chart's links carry it (read from a drawn link's pattern: kind, date, offset: title).
    const expected = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('.tl-every-event a[data-event-id]')].map((a) => ({
        id: a.dataset.eventId!,
        name: a.getAttribute('aria-label')!,
      })),
    );
    expect(new Set(expected.map((e) => e.id)).size, 'the list names every event once').toBe(COUNT);
    const drawnNames = await page
      .locator(DRAWN)
      .evaluateAll((links) => links.map((a) => [a.getAttribute('data-event-id'), a.getAttribute('aria-label')]));
    const byId = new Map(expected.map((e) => [e.id, e.name]));
    for (const [id, name] of drawnNames) expect(byId.get(id!), `${id}: the list names it as its mark does`).toBe(name);
    const check = async (when: string) => {
      const tree = await linkNames();
      const missing = expected.filter((e) => !tree.has(e.name));
      expect(
        missing.map((e) => e.id),
        `events missing from the accessibility tree ${when}`,
      ).toEqual([]);
    };
    await check('at load');
    // One named group per incident, in the page's language.
    const groupNames = async (p: Page) => ({
      groups: await p.locator('.tl-every-event [role="group"]').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label'))),
      lanes: await p.locator('svg.tl-svg-horizontal .tl-lane-title').allTextContents(),
    });
    const english = await groupNames(page);
    expect(english.groups.length, 'a group per incident').toBeGreaterThan(1);
    expect(english.groups).toEqual(english.lanes.map((lane) => `${lane}: every event, in time order`));
    const { page: french } = await open('/fr/');
    await french.waitForFunction(() => performance.getEntriesByName('timeline:every-event').length > 0, undefined, { timeout: 10_000 });
    const inFrench = await groupNames(french);
    expect(inFrench.groups.length, 'the French home page has its groups too').toBe(english.groups.length);
    expect(inFrench.groups).toEqual(inFrench.lanes.map((lane) => `${lane}\u202f: tous les événements, dans l’ordre chronologique`));
    // Filtered out, an event leaves the list too (as its mark leaves the drawing).
    await page.locator('.tl-legend-item[data-filter-kind="leak"]').click();
    const listed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('.tl-every-event a')]
        .filter((a) => !a.hidden)
        .map((a) => a.getAttribute('aria-label')!),
    );
    expect(listed.length, 'events left once leaks are filtered out').toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(COUNT);
    expect(
      listed.filter((name) => name.startsWith('Leak')),
      'no leak listed',
    ).toEqual([]);
    await page.locator('.tl-legend-item[data-filter-kind="leak"]').click();
    await check('with the filter undone');
    await page.locator('svg.tl-svg-horizontal').scrollIntoViewIfNeeded();
    await zoomInAtVote(page, 12);
    expect(await page.locator(DRAWN).count(), 'zoomed in, few events are drawn').toBeLessThan(COUNT / 4);
    await check('zoomed in');
    // A screen reader's cursor on an event not drawn: the chart shows its mark and focuses it.
    const away = await page.evaluate((drawn) => {
      const shown = new Set([...document.querySelectorAll(drawn)].map((a) => a.getAttribute('data-event-id')));
      return [...document.querySelectorAll<HTMLAnchorElement>('.tl-every-event a[data-event-id]')]
        .map((a) => a.dataset.eventId!)
        .find((id) => !shown.has(id))!;
    }, DRAWN);
    await page.locator(`.tl-every-event a[data-event-id="${away}"]`).focus();
    await expect
      .poll(() =>
        page.evaluate(() => (document.activeElement?.closest('svg') ? document.activeElement.getAttribute('data-event-id') : null)),
      )
      .toBe(away);
    const mark = page.locator(`${DRAWN}[data-event-id="${away}"]`);
    expect(await mark.getAttribute('class'), 'the mark is painted').not.toMatch(/is-clustered|is-offscreen/);
    expectNoErrors(errors);
  });

  it(
    'a key held down on a slow computer: every event of the lane in turn, each shown in view, ' + 'the address written once the keys rest',
    async () => {
      const { page, errors } = await open();
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      await page.waitForFunction(() => performance.getEntriesByName('timeline:layout-at-load').length > 0);
      // A slow computer (or a phone): laying the chart out takes longer than a frame, so a held
      // key shows a preview of each step and lays the view out once the keys rest.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 12 });
      // Zoomed in on T−0 first, as a reader who looks closer before stepping through.
      await zoomInAtVote(page, 8);
      await page.locator(`${DRAWN}[tabindex="0"]`).focus();
      const before = await page.evaluate(() => ({
        search: location.search,
        history: history.length,
        layoutMs: Math.max(0, ...performance.getEntriesByName('timeline:render').map((e) => e.duration)),
      }));
      const steps = await page.evaluate(async () => {
        const svg = document.querySelector<SVGSVGElement>('svg.tl-svg-horizontal')!;
        const width = svg.viewBox.baseVal.width;
        const out: { id: string; connected: boolean; x: number; from: number; to: number; clustered: boolean; renderMs: number }[] = [];
        for (let i = 0; i < 25; i++) {
          performance.clearMeasures('timeline:render');
          document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
          await new Promise(requestAnimationFrame);
          const a = document.activeElement as SVGAElement;
          // A mark is moved to its place; a band (a campaign silence) is a rectangle drawn where it stands.
          const band = a.classList.contains('tl-band');
          const x = band ? 0 : Number(/translate\(([-\d.]+)/.exec(a.getAttribute('transform') ?? '')?.[1] ?? NaN);
          const rect = a.querySelector('rect');
          const from = x + Number(rect?.getAttribute('x') ?? 0);
          out.push({
            id: a.dataset.eventId ?? '',
            connected: a.isConnected && svg.contains(a),
            x,
            from,
            to: from + Number(rect?.getAttribute('width') ?? 0),
            clustered: a.classList.contains('is-clustered') || a.classList.contains('is-offscreen'),
            renderMs: Math.max(0, ...performance.getEntriesByName('timeline:render').map((e) => e.duration)),
          });
        }
        return { out, width };
      });
      const events = await page.evaluate(() => {
        const key = document.querySelector<HTMLElement>('script.tl-events')!.dataset.key!;
        return JSON.parse((globalThis as { timelineEvents?: Record<string, string> }).timelineEvents![key]) as unknown[][];
      });
      const record = new Map(events.map((r) => [r[0] as string, { lane: r[1] as string, start: r[5] as number }]));
      const ids = steps.out.map((step) => step.id);
      expect(new Set(ids).size, `each press moves to another event: ${ids.join(' ')}`).toBe(ids.length);
      const lanes = new Set(ids.map((id) => record.get(id)?.lane));
      expect([...lanes], 'ArrowRight stays in its lane').toHaveLength(1);
      const starts = ids.map((id) => record.get(id)!.start);
      expect(starts, 'in time order').toEqual([...starts].sort((a, b) => a - b));
      for (const step of steps.out) {
        expect(step.connected, `${step.id}: focus is on a link of the drawing`).toBe(true);
        expect(step.clustered, `${step.id}: the focused event is painted, not folded or outside`).toBe(false);
        const inView = (step.x >= 0 && step.x <= steps.width) || (step.from < steps.width && step.to > 0);
        expect(inView, `${step.id} drawn at x ${step.x.toFixed(0)}, outside the view (0–${steps.width})`).toBe(true);
      }
      // Laying the view out takes longer than half a frame here, so each press drew a preview instead.
      expect(before.layoutMs, 'a full layout on this slow computer (ms)').toBeGreaterThan(8);
      const pressMs = steps.out.map((step) => step.renderMs).sort((a, b) => a - b);
      expect(pressMs[Math.floor(pressMs.length / 2)], 'a press draws less than a full layout (median, ms)').toBeLessThan(before.layoutMs);
      // Once the keys rest, the address holds the view of the last event, in the same history entry.
      const last = ids[ids.length - 1]!;
      await expect.poll(() => page.evaluate(() => location.search), { timeout: 5000 }).not.toBe(before.search);
      const settled = await page.evaluate(() => ({ search: location.search, history: history.length }));
      expect(settled.history, 'the reveals replace the entry, they do not push one each').toBe(before.history);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await page.waitForTimeout(400);
      const focused = await page.evaluate(() => ({
        id: document.activeElement?.getAttribute('data-event-id'),
        classes: document.activeElement?.getAttribute('class') ?? '',
      }));
      expect(focused.id, 'the last event keeps the focus once the view is laid out').toBe(last);
      expect(focused.classes).not.toMatch(/is-clustered|is-offscreen/);
      expect(settled.search).toMatch(/from=.*to=/);
      expect(
        warnings.filter((text) => /throttl/i.test(text)),
        'no history update refused by the browser',
      ).toEqual([]);
      expectNoErrors(errors);
    },
  );

  it('Ctrl + wheel: the view follows the wheel, is laid out again once it rests, and Back undoes the zoom', async () => {
    const { page, errors } = await open();
    await page.waitForFunction(() => performance.getEntriesByName('timeline:layout-at-load').length > 0);
    const clustersAt = () => page.locator('svg.tl-svg-horizontal .tl-cluster').count();
    const before = await clustersAt();
    const atLoad = new Set(await page.locator(DRAWN).evaluateAll((links) => links.map((a) => a.getAttribute('data-event-id'))));
    await zoomInAtVote(page, 12);
    // Zoomed in, the crowds around T−0 come apart: fewer clusters stand in view.
    await expect.poll(clustersAt, { timeout: 5000 }).toBeLessThan(before);
    // Every link drawn stands in the view, by its mark or by its span's bar (the tab stop stays a link wherever it is).
    const outside = await page.evaluate((drawn) => {
      const links = [...document.querySelectorAll<SVGAElement>(`${drawn}:not([tabindex="0"])`)];
      return links
        .map((a) => {
          const x = Number(/translate\(([-\d.]+)/.exec(a.getAttribute('transform') ?? '')?.[1] ?? 0);
          const rect = a.querySelector('rect')!;
          const from = x + Number(rect.getAttribute('x'));
          return { id: a.dataset.eventId, x, from, to: from + Number(rect.getAttribute('width')) };
        })
        .filter(({ x, from, to }) => !((x > -60 && x < 1060) || (from < 1060 && to > -60)));
    }, DRAWN);
    expect(outside, 'links drawn outside the view').toEqual([]);
    // Links the zoom brought in are made from the events data, with the build's address and name.
    const made = await page.locator(DRAWN).evaluateAll((links) =>
      links.map((a) => ({
        id: a.getAttribute('data-event-id'),
        href: a.getAttribute('href'),
        name: a.getAttribute('aria-label'),
        label: a.querySelector('.tl-label')?.textContent,
      })),
    );
    const fresh = made.filter((link) => !atLoad.has(link.id));
    expect(fresh.length, 'links made in the browser').toBeGreaterThan(0);
    for (const link of fresh) {
      expect(link.href).toBe(`/events/${link.id}/`);
      expect(link.name, 'kind, date, offset: title').toMatch(
        /^[A-Z][a-z ]+( \([a-z]+\))?, [^,]+(, [^,]+)?, [^:]+: Synthetic event number \d+ of kind \w+$/,
      );
      // Shown when the link has focus, room or not (a short label is the title cut between words).
      expect(link.label, `${link.id}'s label, as focus shows it`).toMatch(/^Synthetic event number \d+/);
    }
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('from='));
    await expect.poll(clustersAt, { timeout: 5000 }).toBe(before);
    expectNoErrors(errors);
  });

  it('the table: no rows in the page, every row once opened, and the chart’s filters apply to them', async () => {
    const { page, errors } = await open();
    const rows = page.locator('.tl-table tbody tr');
    expect(await rows.count(), 'no rows sent with the page').toBe(0);
    await page.locator('details.tl-table-toggle summary').click();
    await expect.poll(() => rows.count()).toBe(COUNT);
    expect(await page.locator('.tl-table').isVisible()).toBe(true);
    const leak = page.locator('.tl-legend-item[data-filter-kind="leak"]');
    await leak.click();
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLTableRowElement>('.tl-table tbody tr')]
        .filter((row) => !row.hidden)
        .map((row) => row.dataset.rowKind),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown, 'leaks filtered out of the table too').not.toContain('leak');
    expectNoErrors(errors);
  });

  it('a site without the two founding incidents: a home page with no lede, never "undefined"', async () => {
    const { page } = await open('/', { javaScript: false });
    expect(await page.locator('main').textContent()).not.toContain('undefined');
    expect(await page.locator('.lede').count()).toBe(0);
  });

  it('without JavaScript: the drawn links work, and the list of all events is one link away', async () => {
    const { page } = await open('/', { javaScript: false });
    expect(await page.locator(DRAWN).count()).toBeGreaterThan(20);
    await page.locator('details.tl-table-toggle summary').click();
    const list = page.locator('.tl-table-dense a');
    expect(await list.getAttribute('href')).toBe('/events/');
    expect(await list.isVisible()).toBe(true);
    expect(await page.locator('.tl-table').isVisible(), 'no empty table').toBe(false);
  });
});

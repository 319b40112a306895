/**
 * One count of events everywhere: the content files (validateContent), the event pages,
 * the marks of the home page's chart, and the data exports (events.json and events.csv).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { descendants, hasClass, scanTags } from '../../scripts/lib/html.ts';
import { validateContent } from '../../src/lib/validate/validate-content.ts';
import { ROOT } from '../helpers.ts';
import { builtSite } from './site.ts';

const report = validateContent(ROOT);
let dist: string;

beforeAll(async () => {
  dist = await builtSite();
});

describe('the number of events', () => {
  it('is the same in the content, the event pages, the home chart and the data exports', () => {
    expect(report.problems).toEqual([]);
    const content = report.events.length;

    const pages = readdirSync(join(dist, 'events'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((incident) =>
        readdirSync(join(dist, 'events', incident.name)).filter((slug) =>
          existsSync(join(dist, 'events', incident.name, slug, 'index.html')),
        ),
      );

    const tags = scanTags(readFileSync(join(dist, 'index.html'), 'utf8'));
    const charts = tags.filter((tag) => !tag.closing && tag.attrs['data-timeline'] !== undefined);
    expect(charts, 'one [data-timeline] chart on the home page').toHaveLength(1);
    // The chart is drawn twice, across for wide screens and down the page for phones (CSS shows one): each drawing holds every event once.
    const drawings = descendants(tags, charts[0]).filter((tag) => tag.name === 'svg' && !tag.closing && hasClass(tag, 'tl-svg'));
    expect(
      drawings.map((svg) => svg.attrs.class),
      'the home chart is drawn across and down',
    ).toEqual(['tl-svg tl-svg-horizontal', 'tl-svg tl-svg-vertical']);
    const marksIn = (svg: (typeof tags)[number]) =>
      descendants(tags, svg).filter((tag) => tag.name === 'a' && !tag.closing && hasClass(tag, 'tl-mark'));
    const [marks, phoneMarks] = drawings.map(marksIn);
    expect(phoneMarks.map((m) => m.attrs['data-event-id']).sort(), 'the phone drawing shows the same events').toEqual(
      marks.map((m) => m.attrs['data-event-id']).sort(),
    );
    const markIds = new Set(marks.map((mark) => mark.attrs['data-event-id']));

    const json = JSON.parse(readFileSync(join(dist, 'data/events.json'), 'utf8'));
    const [header, ...rows]: string[][] = parse(readFileSync(join(dist, 'data/events.csv'), 'utf8'), { skip_empty_lines: true });

    expect({
      pages: pages.length,
      chart: marks.length,
      chartIds: markIds.size,
      json: json.count,
      jsonEvents: json.events.length,
      csv: rows.length,
    }).toEqual({
      pages: content,
      chart: content,
      chartIds: content,
      json: content,
      jsonEvents: content,
      csv: content,
    });
    // And the same events, not only as many.
    const ids = report.events.map((event) => event.id).sort();
    expect([...markIds].sort()).toEqual(ids);
    expect(json.events.map((event: { id: string }) => event.id).sort()).toEqual(ids);
    expect(rows.map((row) => row[header.indexOf('id')]).sort()).toEqual(ids);
  });
});

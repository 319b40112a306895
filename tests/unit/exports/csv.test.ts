/** /data/events.csv: RFC 4180 that survives a strict parser, one row per event, and no formulas. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../src/lib/archive.ts';
import { EVENTS_CSV_COLUMNS, eventsCsv, eventsJson } from '../../../src/lib/exports/index.ts';
import { FORMULA_SUMMARY, MINUS_TITLE, TRICKY_SUMMARY, TRICKY_TITLE, exportsFixture } from '../../fixtures/exports-fixture.ts';
import { realContent } from '../../real-content.ts';

/**
 * A strict RFC 4180 reading (csv-parse): records end with CRLF, every record has as many
 * fields as the header, quotes only around a whole field, and no CR or LF outside quotes.
 */
function parseCsv(text: string): string[][] {
  return parse(text, {
    record_delimiter: '\r\n',
    cast: (value, context) => {
      if (!context.quoting && /[\r\n]/.test(value))
        throw new Error(`CSV: a bare line break in record ${context.records + 1}, field ${context.index + 1}`);
      return value;
    },
  });
}

const options = { site: 'https://example.org', base: '/' };

describe('parseCsv (the strict reading used here)', () => {
  it('reads quoted commas, doubled quotes and line breaks, and refuses bare LF record ends and ragged rows', () => {
    expect(parseCsv('a,"b,c","d""e","f\r\ng"\r\n,x,,y\r\n')).toEqual([
      ['a', 'b,c', 'd"e', 'f\r\ng'],
      ['', 'x', '', 'y'],
    ]);
    expect(() => parseCsv('a,b\n')).toThrow(/bare line break/);
    expect(() => parseCsv('a,b"c\r\n')).toThrow(/quote/i);
    expect(() => parseCsv('a,b\r\nc\r\n')).toThrow(/record length/i);
  });
});

describe('eventsCsv(archive, options)', () => {
  const archive = exportsFixture();
  const csv = eventsCsv(archive, options);
  const rows = parseCsv(csv);
  const [header, ...records] = rows;
  const byId = new Map(records.map((r) => [r[0], Object.fromEntries(header.map((name, i) => [name, r[i]]))]));

  it('is UTF-8 text without a byte-order mark, one header row and one row per event, all of the same width', () => {
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv).toMatch(
      /^id,incident,kind,title,date,date_precision,start_utc,end_utc,approximate,status,summary,actors,attributed_by,attributed_to,/,
    );
    expect(header).toEqual(EVENTS_CSV_COLUMNS.map((c) => c.name));
    expect(records).toHaveLength(archive.events.length);
    for (const record of records) expect(record).toHaveLength(header.length);
    expect(records.map((r) => r[0])).toEqual(eventsJson(archive, options).events.map((e) => e.id));
  });

  it('round-trips commas, quotes, CR and LF in titles and summaries exactly', () => {
    expect(byId.get('paris/leak')!.title).toBe(TRICKY_TITLE);
    expect(byId.get('paris/leak')!.summary).toBe(TRICKY_SUMMARY);
    expect(byId.get('paris/official')!.title).toBe('Event paris/official');
  });

  it('round-trips every field of every event', () => {
    for (const event of archive.events) {
      const row = byId.get(event.id)!;
      const { data } = event;
      expect(row, event.id).toEqual({
        id: event.id,
        incident: event.incidentId,
        kind: data.kind,
        title: data.title === MINUS_TITLE ? `'${MINUS_TITLE}` : data.title,
        date: data.date,
        date_precision: event.date.precision,
        start_utc: new Date(event.start).toISOString(),
        end_utc: new Date(event.stop).toISOString(),
        approximate: String(data.approximate ?? false),
        status: data.status,
        summary: data.summary === FORMULA_SUMMARY ? `'${FORMULA_SUMMARY}` : data.summary,
        actors: (data.actors ?? []).map((a) => `${a.id}:${a.role}`).join(';'),
        attributed_by: data.attribution?.by ?? '',
        attributed_to: data.attribution?.to ?? '',
        stance: data.attribution?.stance ?? '',
        confidence: data.attribution?.confidence ?? '',
        attributed_also_to: (data.attribution?.alsoTo ?? []).join(';'),
        first_source_archived: data.sources[0].archived ?? '',
        archive_lookup: data.sources[0].archived ? '' : `https://web.archive.org/web/*/${data.sources[0].url}`,
        source_count: String(data.sources.length),
        first_source_url: data.sources[0].url,
        url: `https://example.org/events/${event.id}/`,
      });
    }
  });

  it('neutralises formulas in text fields only, with a leading apostrophe', () => {
    expect(byId.get('paris/silence')!.summary).toBe(`'${FORMULA_SUMMARY}`);
    expect(byId.get('paris/phishing')!.title).toBe(`'${MINUS_TITLE}`);
    for (const row of byId.values()) {
      for (const [name, value] of Object.entries(row)) {
        if (/^[=+\-@\t\r]/.test(value)) throw new Error(`${row.id} ${name} starts with a formula character: ${value}`);
      }
      expect(row.start_utc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(row.source_count).toMatch(/^\d+$/);
    }
  });

  it('ends every record with CRLF and never uses a bare LF or CR outside quotes', () => {
    expect(csv.slice(-2)).toBe('\r\n');
    const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes.match(/\r\n/g)).toHaveLength(archive.events.length + 1);
    expect(outsideQuotes.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('the CSV of the real content', () => {
  it('parses strictly into one row per event, with the same ids as the JSON', () => {
    const archive = buildArchive(realContent());
    const [header, ...records] = parseCsv(eventsCsv(archive, options));
    expect(records).toHaveLength(archive.events.length);
    for (const record of records) expect(record).toHaveLength(header.length);
    expect(records.map((r) => r[0])).toEqual(eventsJson(archive, options).events.map((e) => e.id));
    const summary = header.indexOf('summary');
    for (const record of records) expect(archive.event(record[0])!.data.summary.replace(/^[=+\-@]/, "'$&")).toBe(record[summary]);
  });
});

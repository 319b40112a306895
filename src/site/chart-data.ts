/**
 * A dense chart's events data (see DENSE_EVENTS): every event of its lanes as one record,
 * served beside the pages as a small script (src/pages/chart-data/[lang]/[lanes].js.ts) rather
 * than inside them. The HTML parser's reading of a megabyte of JSON inside the page held the
 * chart back by about a sixth of a second at 5,000 events; a script named early in the page is
 * fetched and compiled off the main thread while the page is parsed, and runs just after the
 * chart's own. (Fetched as JSON instead, the chart waited for the response after it ran: slower.)
 */
import { createHash } from 'node:crypto';
import type { Archive } from '../lib/archive.ts';
import { formatPartialDate } from '../lib/format.ts';
import type { Lang } from '../lib/i18n/routing.ts';
import { DATA_EVENT, type DenseRecord } from '../scripts/timeline/dense.ts';

/** The name of the file of a chart's lanes: every incident ("all") or one of them. */
export function chartDataLanes(archive: Archive, incidents: readonly string[] | undefined): string {
  if (!incidents || (incidents.length === archive.incidents.length && archive.incidents.every((i) => incidents.includes(i.id))))
    return 'all';
  if (incidents.length === 1) return incidents[0];
  // Only whole charts and one incident's chart are served (chartDataPaths): say so rather than link to nothing.
  throw new Error(`a dense chart's events data is served for every incident or one; not for ${incidents.join(', ')}`);
}

/** Every file of events data a page may ask for: per edition, every incident, and each alone. */
export function chartDataPaths(archive: Archive, langs: readonly Lang[]): { lang: Lang; lanes: string }[] {
  return langs.flatMap((lang) => ['all', ...archive.incidents.map((i) => i.id)].map((lanes) => ({ lang, lanes })));
}

/** The records of a chart's lanes, in the archive's time order (see DenseRecord). */
export function chartRecords(archive: Archive, lanes: string, locale: string): DenseRecord[] {
  return archive.events
    .filter((event) => lanes === 'all' || event.incidentId === lanes)
    .map((event) => {
      const incident = archive.incident(event.incidentId)!;
      return [
        event.id,
        event.incidentId,
        event.data.kind,
        event.data.status,
        event.data.approximate ? 1 : 0,
        event.start,
        event.stop,
        event.data.title,
        formatPartialDate(event.date, incident.timeZone, { approximate: event.data.approximate, locale }),
        event.offset.label,
        event.data.sources[0]?.publisher ?? '',
        event.date.text,
      ];
    });
}

/** Where a page finds its chart's data: the file of its edition and lanes, versioned by the digest of its text. */
export function chartDataPath(lang: Lang, lanes: string, script: string): string {
  return `/chart-data/${lang}/${lanes}.js?v=${chartDataVersion(script)}`;
}

/** The key a data file files its records under (the page's placeholder names it too). */
export function chartDataKey(lang: Lang, lanes: string): string {
  return `${lang}/${lanes}`;
}

/**
 * The data file: a script that files the records' JSON, as one string, under its key in
 * `self.timelineEvents` (read by src/scripts/timeline/dense.ts), then says so (DATA_EVENT).
 * A string, parsed only when first needed; JSON.stringify makes both key and text safe
 * JavaScript string literals, whatever a contributor wrote in a title.
 */
export function chartDataScript(key: string, records: readonly DenseRecord[]): string {
  return (
    `(self.timelineEvents ??= {})[${JSON.stringify(key)}] = ${JSON.stringify(JSON.stringify(records))};\n` +
    `dispatchEvent(new Event(${JSON.stringify(DATA_EVENT)}));\n`
  );
}

/** A short digest of a data file, added to its address so that a browser never pairs a page with older data. */
export function chartDataVersion(script: string): string {
  return createHash('sha256').update(script).digest('hex').slice(0, 12);
}

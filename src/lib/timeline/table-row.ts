/**
 * A row of a chart's events table, as HTML: the build writes every row of an ordinary chart
 * with it, and a dense chart's script writes its rows with it from the events data when the
 * table is opened (src/scripts/timeline/dense.ts). One function, so both tables are the same.
 */
import { escapeXml } from '../escape.ts';

/** What a row shows, already in the page's words. */
export interface TableRow {
  id: string;
  incident: string;
  kind: string;
  /** The instant the event starts (ms), for the chart's filters. */
  start: number;
  /** The date as recorded (ISO 8601, the <time> element's datetime) and as written for readers. */
  dateText: string;
  when: string;
  offset: string;
  /** The incident's title, where the table spans several incidents. */
  incidentTitle?: string;
  kindName: string;
  statusName: string;
  title: string;
  href: string;
  /** "_blank" inside an embed. */
  target?: string;
}

/** The <tr> of one event: date, offset, incident (when several), kind, status, and its title as a link. */
export function tableRowHtml(row: TableRow): string {
  const e = escapeXml;
  const target = row.target ? ` target="${e(row.target)}" rel="noopener noreferrer"` : '';
  return (
    `<tr data-row-event="${e(row.id)}" data-row-kind="${e(row.kind)}" data-row-incident="${e(row.incident)}" data-start="${row.start}">` +
    `<td><time datetime="${e(row.dateText)}">${e(row.when)}</time></td><td>${e(row.offset)}</td>` +
    (row.incidentTitle === undefined ? '' : `<td>${e(row.incidentTitle)}</td>`) +
    `<td>${e(row.kindName)}</td><td>${e(row.statusName)}</td>` +
    `<th scope="row"><a href="${e(row.href)}"${target}>${e(row.title)}</a></th></tr>`
  );
}

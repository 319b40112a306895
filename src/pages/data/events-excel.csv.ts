/**
 * /data/events-excel.csv: events.csv with a UTF-8 byte-order mark, so that Excel, which
 * reads a CSV without one in the computer's legacy code page, shows “T−47 h” and accents
 * right on a double-click. Same rows as /data/events.csv (which stays without the mark).
 */
import { eventsCsv } from '../../lib/exports/index.ts';
import { getArchive } from '../../site/archive.ts';
import { exportOptions, fileResponse } from '../../site/exports.ts';

export const GET = async () =>
  fileResponse(`\uFEFF${eventsCsv(await getArchive(), exportOptions())}`, 'text/csv; charset=utf-8; header=present');

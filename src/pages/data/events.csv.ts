/** /data/events.csv: one row per event, RFC 4180, UTF-8 without BOM (see /data/). */
import { eventsCsv } from '../../lib/exports/index.ts';
import { getArchive } from '../../site/archive.ts';
import { exportOptions, fileResponse } from '../../site/exports.ts';

export const GET = async () => fileResponse(eventsCsv(await getArchive(), exportOptions()), 'text/csv; charset=utf-8; header=present');

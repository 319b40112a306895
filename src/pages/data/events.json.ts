/** /data/events.json: every event, with dates resolved to UTC spans (see /data/). */
import { eventsJson, toJson } from '../../lib/exports/index.ts';
import { getArchive } from '../../site/archive.ts';
import { exportOptions, fileResponse } from '../../site/exports.ts';

export const GET = async () => fileResponse(toJson(eventsJson(await getArchive(), exportOptions())), 'application/json; charset=utf-8');

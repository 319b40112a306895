/** /data/actors.json: every actor and the events it appears in (see /data/). */
import { actorsJson, toJson } from '../../lib/exports/index.ts';
import { getArchive } from '../../site/archive.ts';
import { exportOptions, fileResponse } from '../../site/exports.ts';

export const GET = async () => fileResponse(toJson(actorsJson(await getArchive(), exportOptions())), 'application/json; charset=utf-8');

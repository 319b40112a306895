/** /data/incidents.json: the incidents, their elections and their events (see /data/). */
import { incidentsJson, toJson } from '../../lib/exports/index.ts';
import { getArchive } from '../../site/archive.ts';
import { exportOptions, fileResponse } from '../../site/exports.ts';

export const GET = async () => fileResponse(toJson(incidentsJson(await getArchive(), exportOptions())), 'application/json; charset=utf-8');

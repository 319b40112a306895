/** /data/stix.json: the archive as a STIX 2.1 bundle (mapping in src/lib/exports/stix.ts and on /data/). */
import { stixBundle, toJson } from '../../lib/exports/index.ts';
import { getArchive } from '../../site/archive.ts';
import { exportOptions, fileResponse } from '../../site/exports.ts';

export const GET = async () =>
  fileResponse(toJson(stixBundle(await getArchive(), exportOptions())), 'application/stix+json;version=2.1; charset=utf-8');

/**
 * Glue for the data exports (src/pages/data/): the configured site and base, and the
 * archive, handed to the pure functions of src/lib/exports.
 */
import type { ExportOptions } from '../lib/exports/common.ts';
import { SITE } from '../lib/site.ts';

/** The site address and base path the build was configured with (SITE_URL, BASE_PATH). */
export function exportOptions(): ExportOptions {
  return {
    site: import.meta.env.SITE ?? SITE.url,
    base: import.meta.env.BASE_URL,
  };
}

/** A static file's response: the body, its content type, and nothing that varies by build. */
export function fileResponse(body: string, contentType: string): Response {
  return new Response(body, { headers: { 'Content-Type': contentType } });
}

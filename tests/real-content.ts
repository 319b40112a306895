/**
 * The project's own content, validated once per test worker: the unit tests share their
 * workers (isolate: false in vitest.config.ts), and a full validation takes seconds.
 * Treat the report as read-only.
 */
import { type ContentReport, validateContent } from '../src/lib/validate/validate-content.ts';
import { ROOT } from './helpers.ts';

let report: ContentReport | undefined;

/** validateContent(ROOT), computed on first use. */
export function realContent(): ContentReport {
  report ??= validateContent(ROOT);
  return report;
}

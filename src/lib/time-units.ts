/** Lengths of time in milliseconds, for arithmetic on instants (a tiny module the chart's browser code can import). */

/** One minute in milliseconds. */
export const MINUTE = 60_000;
/** One hour in milliseconds. */
export const HOUR = 60 * MINUTE;
/** One day of 24 hours in milliseconds (calendar days across a clock change are dates.ts's business). */
export const DAY = 24 * HOUR;

/** Small pieces of English typography shared by pages, scripts and messages (no dictionary: browser code imports it). */

/** The minus sign (U+2212) of offsets such as "T−47 h", never a hyphen. */
export const MINUS = '\u2212';

/** "1 problem", "3 problems": a count with its noun, singular for exactly one. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

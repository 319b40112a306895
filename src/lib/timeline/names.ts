/** Words the chart says about itself, shared by the build and the browser (no dictionary import: the page passes its words). */

/** "5 events close together: 3 Leak, 2 Statement. Zoom in to show them", kinds in the order given. */
export function clusterAccessibleName(kinds: readonly string[], kindNames: Record<string, string>, template: string): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${kindNames[kind] ?? kind}`).join(', ');
  return fillTemplate(template, { count: kinds.length, kinds: parts });
}

/** A mark's words, in the page's language: kind, status (none when documented), date, T− offset, title, and the colon. */
export interface MarkWords {
  kind: string;
  /** Lower case; left out for a documented event. */
  status?: string;
  when: string;
  offset: string;
  title: string;
  /** ": " in English, " : " in French. */
  colon: string;
}

/** "Leak, 5 May 2017, 20:35 Paris time, T−47 h: Campaign files posted on 4chan and Pastebin" (the build's links and a dense chart's). */
export function markName(words: MarkWords): string {
  return `${words.kind}${words.status ? ` (${words.status})` : ''}, ${words.when}, ${words.offset}${words.colon}${words.title}`;
}

/** Fills a template the page rendered with {placeholders}: "{lanes} lanes" → "2 lanes". */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

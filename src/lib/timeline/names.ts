/** Words the chart says about itself, shared by the build and the browser (no dictionary import: the page passes its words). */

/** "5 events close together: 3 Leak, 2 Statement. Zoom in to show them", kinds in the order given. */
export function clusterAccessibleName(kinds: readonly string[], kindNames: Record<string, string>, template: string): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${kindNames[kind] ?? kind}`).join(', ');
  return fillTemplate(template, { count: kinds.length, kinds: parts });
}

/** Fills a template the page rendered with {placeholders}: "{lanes} lanes" → "2 lanes". */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

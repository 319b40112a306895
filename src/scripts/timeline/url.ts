/** The view in the address: deliberate changes push a history entry (so that Back undoes them), others replace it. */
import { serializeViewState, type ViewState } from '../../lib/timeline/view-state.ts';

export type HistoryMode = 'push' | 'replace';

/**
 * Replacements wait this long for the next (ms): a key held down reveals 30 events a second,
 * and browsers refuse history updates beyond a rate (Chromium ignores them past 200 in 10 s,
 * Safari throws), so the address would miss the last ones.
 */
const REPLACE_AFTER_MS = 250;
let pending: { url: string; timer: number } | undefined;

/** Writes a replacement still waiting (before a push, or before the page is left). */
export function flushUrl() {
  if (!pending) return;
  clearTimeout(pending.timer);
  const { url } = pending;
  pending = undefined;
  history.replaceState(history.state, '', url);
}

/** Forgets a replacement still waiting (Back or Forward moved to another entry: it belonged to the one left). */
export function dropPendingUrl() {
  if (pending) clearTimeout(pending.timer);
  pending = undefined;
}

// A link followed, a tab closed: the entry left keeps the view as it was last seen.
addEventListener('pagehide', flushUrl);

/**
 * Tells listeners (the embed's links, the share box) and, where the page keeps it there, the
 * address. `now`: a replacement is written at once (a mark's link is being followed).
 */
export function syncUrl(root: HTMLElement, view: ViewState, mode: HistoryMode, now = false) {
  const query = serializeViewState(view);
  root.dispatchEvent(new CustomEvent('timeline:view', { detail: { query } }));
  if (!root.hasAttribute('data-url-state')) return;
  const url = `${location.pathname}${query}${location.hash}`;
  if (mode === 'push') {
    // The entry left first takes the view it last showed, so that Back returns to it.
    flushUrl();
    if (query !== location.search) history.pushState({ timeline: true }, '', url);
    return;
  }
  dropPendingUrl();
  if (now) history.replaceState(history.state, '', url);
  else pending = { url, timer: window.setTimeout(flushUrl, REPLACE_AFTER_MS) };
}

/** The address of a view on the full site (for the PNG's credit, a copied link, the embed's link). */
export function shareUrl(root: HTMLElement, view: ViewState): string {
  return `${root.dataset.site ?? '/'}${serializeViewState(view)}`;
}

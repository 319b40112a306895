/** The view in the address: deliberate changes push a history entry (so that Back undoes them), others replace it. */
import { serializeViewState, type ViewState } from '../../lib/timeline/view-state.ts';

export type HistoryMode = 'push' | 'replace';

/** Tells listeners (the embed's links, the share box) and, where the page keeps it there, the address. */
export function syncUrl(root: HTMLElement, view: ViewState, mode: HistoryMode) {
  const query = serializeViewState(view);
  root.dispatchEvent(new CustomEvent('timeline:view', { detail: { query } }));
  if (!root.hasAttribute('data-url-state')) return;
  const url = `${location.pathname}${query}${location.hash}`;
  if (mode === 'push' && query !== location.search) history.pushState({ timeline: true }, '', url);
  else history.replaceState(history.state, '', url);
}

/** The address of a view on the full site (for the PNG's credit, a copied link, the embed's link). */
export function shareUrl(root: HTMLElement, view: ViewState): string {
  return `${root.dataset.site ?? '/'}${serializeViewState(view)}`;
}

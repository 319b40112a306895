/**
 * The chart and the browser's history: Back and Forward restore the view they lead to;
 * following a mark's link first names it in the address, so that coming Back the same mark
 * is selected and focused (after a reload from the history, or from the back-forward cache).
 */
export interface HistoryHooks {
  /** Re-read the view from the address (after Back or Forward). */
  restore(): void;
  /** A mark's link is being followed. */
  leaving(id: string): void;
  /** Focus the mark the address names. */
  focusSelected(): void;
}

export function attachHistory(root: HTMLElement, hooks: HistoryHooks) {
  addEventListener('popstate', () => hooks.restore());
  root.addEventListener('click', (event) => {
    const el = (event.target as Element).closest<SVGAElement>('a.tl-mark');
    if (!el || event.defaultPrevented || !el.dataset.eventId) return;
    hooks.leaving(el.dataset.eventId);
  });
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (navigation?.type === 'back_forward') requestAnimationFrame(() => hooks.focusSelected());
  addEventListener('pageshow', (event) => {
    if (event.persisted) hooks.focusSelected();
  });
}

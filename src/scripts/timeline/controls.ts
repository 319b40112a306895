/** The chart's controls (align, scale, the legend's filter buttons) and the table beside it, kept in step with the view. */
import type { ViewState } from '../../lib/timeline/view-state.ts';
import type { EventKind } from '../../lib/vocabulary.ts';

export interface ControlHooks {
  /** The reader changed the align or scale. */
  mode(key: 'align' | 'scale', value: string): void;
  /** The reader pressed a filter button: the kinds and incidents now shown (null for all). */
  filters(kinds: EventKind[] | null, incidents: string[] | null): void;
  /** A button with data-action. */
  action(name: string): void;
}

export function attachControls(root: HTMLElement, hooks: ControlHooks) {
  const controls = root.querySelector<HTMLElement>('.tl-controls');
  if (controls) controls.hidden = false;
  root.querySelectorAll<HTMLElement>('.tl-js-only').forEach((el) => {
    el.hidden = false;
  });
  for (const button of root.querySelectorAll<HTMLElement>('.tl-controls [data-action]')) {
    button.addEventListener('click', () => hooks.action(button.dataset.action!));
  }
  const more = root.querySelector<HTMLButtonElement>('.tl-more-toggle');
  more?.addEventListener('click', () => more.setAttribute('aria-expanded', String(more.getAttribute('aria-expanded') !== 'true')));
  for (const control of root.querySelectorAll<HTMLSelectElement>('select[data-control]')) {
    control.addEventListener('change', () => hooks.mode(control.dataset.control as 'align' | 'scale', control.value));
  }
  const pressed = (selector: string, key: string) => {
    const buttons = [...root.querySelectorAll<HTMLButtonElement>(selector)];
    const on = buttons.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset[key]!);
    return on.length === buttons.length ? null : on;
  };
  for (const button of root.querySelectorAll<HTMLButtonElement>('.tl-legend-item')) {
    button.disabled = false;
    button.addEventListener('click', () => {
      button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
      hooks.filters(pressed('[data-filter-kind]', 'filterKind') as EventKind[] | null, pressed('[data-filter-incident]', 'filterIncident'));
    });
  }
}

/** Controls and table show the view (after a load, a filter or Back). `inRange`: the embed's date range. */
export function syncControls(root: HTMLElement, view: ViewState, inRange: (start: number) => boolean) {
  for (const control of root.querySelectorAll<HTMLSelectElement>('select[data-control]')) {
    control.value = view[control.dataset.control as 'align' | 'scale'];
    // Calendar time is always linear; the scale choice applies to the aligned view.
    if (control.dataset.control === 'scale') control.disabled = view.align === 'calendar';
  }
  for (const button of root.querySelectorAll<HTMLButtonElement>('.tl-legend-item')) {
    const kind = button.dataset.filterKind as EventKind | undefined;
    const incident = button.dataset.filterIncident;
    const pressed = kind ? !view.kinds || view.kinds.includes(kind) : !view.incidents || view.incidents.includes(incident!);
    button.setAttribute('aria-pressed', String(pressed));
  }
  for (const row of root.querySelectorAll<HTMLTableRowElement>('.tl-table tbody tr')) {
    const hidden = !(
      inRange(Number(row.dataset.start)) &&
      (!view.kinds || view.kinds.includes(row.dataset.rowKind as EventKind)) &&
      (!view.incidents || view.incidents.includes(row.dataset.rowIncident!))
    );
    // Written only when it changes: thousands of rows restyled for nothing cost seconds at load.
    if (row.hidden !== hidden) row.hidden = hidden;
  }
}

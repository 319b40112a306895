/**
 * The chart's tooltip: on hover and focus, a card of the event (title, date, offset, kind,
 * source); on touch, a first tap shows it with a link to the event. Placed in the viewport
 * (position: fixed), so the chart's scroll box never clips it.
 */
export class Tooltips {
  private touched = false;
  private armed?: SVGAElement;

  constructor(
    /** The chart's box (around the drawing, which changes when a phone turns). */
    private readonly frame: HTMLElement,
    private readonly tooltip: HTMLElement,
    private readonly words: { source: string; open: string },
    /** A dense chart's events data, where its links carry only their id (./dense.ts eventDetails). */
    private readonly details?: (id: string) => { title?: string; when?: string; offset?: string; source?: string } | undefined,
  ) {
    const show = (event: Event) => {
      if (this.tooltip.classList.contains('is-card')) return;
      const el = (event.target as Element).closest<SVGAElement>('a.tl-mark');
      if (el) this.show(el);
    };
    this.frame.addEventListener('pointerover', (event) => {
      if (event.pointerType !== 'touch') show(event);
    });
    this.frame.addEventListener('pointerout', (event) => {
      if (event.pointerType !== 'touch') this.hide();
    });
    // Touch has no hover: a first tap on a mark shows its card, with a link to the event; a second tap follows the link.
    this.frame.addEventListener('pointerdown', (event) => (this.touched = event.pointerType === 'touch'));
    this.frame.addEventListener('click', (event) => {
      const el = (event.target as Element).closest<SVGAElement>('a.tl-mark');
      if (!el || !this.touched || this.armed === el) return;
      event.preventDefault();
      this.card(el);
    });
    document.addEventListener('pointerdown', (event) => {
      if (!this.tooltip.classList.contains('is-card') || this.tooltip.contains(event.target as Node)) return;
      if ((event.target as Element).closest?.('a.tl-mark') === this.armed) return;
      this.armed = undefined;
      this.hide();
    });
    // Focus listeners go on the wrapper, not the <svg>: Chromium makes an SVG element with
    // focus listeners a tab stop of its own, and the chart must stay one tab stop.
    this.frame.addEventListener('focusin', show);
    this.frame.addEventListener('focusout', () => {
      if (!this.tooltip.classList.contains('is-card')) this.hide();
    });
    // Placed in the viewport, the tooltip would drift from its mark: scrolling puts it away.
    addEventListener(
      'scroll',
      () => {
        if (!this.tooltip.hidden) this.hide();
      },
      { passive: true, capture: true },
    );
  }

  /** The event that made the page load this module, handled as if the listeners had been there. */
  replay(event: Event) {
    if (event.type === 'pointerdown') this.touched = (event as PointerEvent).pointerType === 'touch';
    const el = (event.target as Element | null)?.closest?.<SVGAElement>('a.tl-mark');
    if (el && ((event.type === 'pointerover' && (event as PointerEvent).pointerType !== 'touch') || event.type === 'focusin'))
      this.show(el);
  }

  /** The tapped mark's card, with a link to its event. */
  card(el: SVGAElement) {
    this.armed = el;
    this.tooltip.classList.remove('is-card');
    this.show(el);
    const link = document.createElement('a');
    link.href = el.getAttribute('href') ?? '#';
    const target = el.getAttribute('target');
    if (target) {
      link.target = target;
      link.rel = 'noopener noreferrer';
    }
    link.textContent = this.words.open;
    this.tooltip.append(link);
    this.tooltip.classList.add('is-card');
    this.tooltip.removeAttribute('aria-hidden');
  }

  show(el: SVGAElement) {
    const d = this.details?.(el.dataset.eventId ?? '') ?? el.dataset;
    const tip = this.tooltip;
    tip.replaceChildren();
    const title = document.createElement('strong');
    title.textContent = d.title ?? '';
    const meta = document.createElement('span');
    meta.textContent = `${d.when} · ${d.offset}`;
    const kind = document.createElement('span');
    kind.textContent = el.getAttribute('aria-label')?.split(',')[0] ?? '';
    tip.append(title, meta, kind);
    if (d.source) {
      const source = document.createElement('span');
      source.textContent = `${this.words.source} ${d.source}`;
      tip.append(source);
    }
    tip.hidden = false;
    // Placed in the viewport (position: fixed), below the mark or above it when there is no room:
    // the chart's scroll box never clips it.
    const box = el.getBoundingClientRect();
    const margin = 8;
    const left = Math.min(Math.max(margin, box.left + box.width / 2 - tip.offsetWidth / 2), innerWidth - tip.offsetWidth - margin);
    const below = box.bottom + 8;
    const top =
      below + tip.offsetHeight > innerHeight - margin && box.top - 8 - tip.offsetHeight > margin ? box.top - 8 - tip.offsetHeight : below;
    tip.style.left = `${Math.max(margin, left)}px`;
    tip.style.top = `${top}px`;
  }

  hide() {
    this.tooltip.hidden = true;
    this.tooltip.classList.remove('is-card');
    this.tooltip.setAttribute('aria-hidden', 'true');
  }
}

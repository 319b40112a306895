/**
 * Layout sanity checks run inside a page (passed to page.evaluate, so self-contained: no
 * imports, no closures). Each returns the problems a reader would notice, as sentences that
 * name the element, so that a failing gallery says what to look at.
 */

export interface CheckOptions {
  /** Check tap targets (phones). */
  touch: boolean;
  /** Largest icon or inline SVG allowed in text, lists and tables, in CSS px. */
  maxIcon: number;
  /** Smallest tap target, in CSS px. */
  minTarget: number;
}

export function layoutProblems(options: CheckOptions): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  const viewportWidth = root.clientWidth;

  const name = (el: Element): string => {
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const href = el.getAttribute('href');
    return `<${el.tagName.toLowerCase()}${id}${cls}>${text ? ` "${text}"` : ''}${href && !text ? ` ${href}` : ''}`;
  };
  const styles = new Map<Element, CSSStyleDeclaration>();
  const style = (el: Element) => {
    let s = styles.get(el);
    if (!s) {
      s = getComputedStyle(el);
      styles.set(el, s);
    }
    return s;
  };
  /** Rendered and visible (not in a closed <details>, not display:none, visibility:hidden or transparent). */
  const shown = (el: Element) =>
    el.getClientRects().length > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
  /** Visually hidden (screen-reader only) text: clipped to nothing, or squeezed to a pixel in a box that hides overflow. */
  const srOnly = (el: Element) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = style(e);
      if (s.clipPath === 'inset(50%)' || /rect\(0px,? 0px,? 0px,? 0px\)/.test(s.clip)) return true;
      const r = e.getBoundingClientRect();
      if ((r.width <= 1 || r.height <= 1) && (s.overflow === 'hidden' || s.overflow === 'clip')) return true;
    }
    return false;
  };

  // ---- 1. the page never scrolls sideways
  if (root.scrollWidth > viewportWidth + 1) {
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (culprits.length >= 3) break;
      const r = el.getBoundingClientRect();
      if (r.right > viewportWidth + 1 && r.width > 0 && el.children.length === 0 && !srOnly(el))
        culprits.push(`${name(el)} ends at ${Math.round(r.right)} px`);
    }
    problems.push(
      `the page scrolls sideways: ${root.scrollWidth} px wide in a ${viewportWidth} px window ` +
        `(${culprits.join('; ') || 'no single culprit'})`,
    );
  }

  // ---- 2. icons and inline SVGs in text, lists and tables stay icon-sized
  const textual = 'p, li, td, th, dd, dt, caption, figcaption, h1, h2, h3, h4, h5, h6, a, button, label, summary, small, span, strong, em';
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.parentElement?.closest('svg') || !svg.parentElement?.closest(textual) || !shown(svg)) continue;
    const r = svg.getBoundingClientRect();
    if (r.width > options.maxIcon || r.height > options.maxIcon) {
      const holder = svg.parentElement.closest(textual)!;
      problems.push(`an icon is ${Math.round(r.width)}×${Math.round(r.height)} px (over ${options.maxIcon}) in ${name(holder)}`);
    }
  }

  // ---- 3. no text cut at the right edge, except inside a scroll box with a visible cue
  const clipRight = (el: Element): number => {
    const r = el.getBoundingClientRect();
    return r.left + el.clientLeft + el.clientWidth;
  };
  /** A scroll box's cue: a gradient shadow on the box (scroll shadows) or a visible hint inside or just before it. */
  const hasCue = (box: Element) => {
    if (/gradient/.test(style(box).backgroundImage)) return true;
    const hint =
      box.querySelector('.scroll-cue') ?? (box.previousElementSibling?.matches('.scroll-cue') ? box.previousElementSibling : null);
    return !!hint && shown(hint);
  };
  const reported = new Set<Element>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.nodeValue?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript, template, title, desc') || !shown(parent) || srOnly(parent)) continue;
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!rects.length) continue;
    const right = Math.max(...rects.map((r) => r.right));
    if (rects.every((r) => r.bottom < 0)) continue; // off-screen above (a skip link waiting for focus)
    let limit = viewportWidth;
    let where = 'the window';
    let box: Element | null = null;
    let inScrollBox = false;
    // Walk outwards through the boxes that clip: the first that cuts the text is where it is
    // cut; a box the text fits in (an SVG wider than the screen) hands over to the next one out.
    for (let e: Element | null = parent; e && e !== document.body && e !== root; e = e.parentElement) {
      const overflowX = style(e).overflowX;
      if (overflowX === 'visible') continue;
      if (overflowX === 'auto' || overflowX === 'scroll') {
        inScrollBox = true;
        if (right > clipRight(e) + 1 && !reported.has(e) && !hasCue(e)) {
          reported.add(e);
          problems.push(
            `${name(e)} hides text past its right edge ("${node.nodeValue!.trim().slice(0, 30)}") with no visible cue to scroll`,
          );
        }
        break;
      }
      if (right > clipRight(e) + 1) {
        box = e;
        limit = Math.min(limit, clipRight(e));
        where = name(e);
        break;
      }
    }
    if (inScrollBox) continue;
    if (right > limit + 1) {
      const key = box ?? parent;
      if (reported.has(key)) continue;
      reported.add(key);
      problems.push(
        `text is cut at the right edge of ${where}: "${node.nodeValue!.trim().slice(0, 40)}" ends at ` +
          `${Math.round(right)} px, the edge is at ${Math.round(limit)} px`,
      );
    }
  }

  // ---- 4. tap targets at least 24×24 on touch screens (WCAG 2.5.8, with its exceptions)
  if (options.touch) {
    const min = options.minTarget;
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], ' +
      '[tabindex]:not([tabindex="-1"])';
    /** The part of an element not clipped away by its ancestors (an SVG, a scroll box): what a finger can hit. */
    const visibleRect = (el: Element): DOMRect | null => {
      let { left, top, right, bottom } = el.getBoundingClientRect();
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
        const s = style(e);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const box = e.getBoundingClientRect();
        left = Math.max(left, box.left);
        top = Math.max(top, box.top);
        right = Math.min(right, box.right);
        bottom = Math.max(Math.min(bottom, box.bottom), top);
      }
      return right - left > 0 && bottom - top > 0 ? new DOMRect(left, top, right - left, bottom - top) : null;
    };
    const big = (r: DOMRect) => r.width >= min - 0.5 && r.height >= min - 0.5;
    // Equivalent: a link also offered as a full-size target, counting those in collapsed
    // <details> (a tap on the summary away), measured open.
    const closed = [...document.querySelectorAll('details:not([open])')] as HTMLDetailsElement[];
    closed.forEach((d) => {
      d.open = true;
    });
    const bigHrefs = new Set(
      [...document.querySelectorAll('a[href]')]
        .filter((a) => shown(a) && big(a.getBoundingClientRect()))
        .map((a) => a.getAttribute('href')),
    );
    closed.forEach((d) => {
      d.open = false;
    });
    styles.clear();
    const targets = [...document.querySelectorAll(selector)]
      .filter((el) => shown(el) && !srOnly(el) && !el.closest('[inert]'))
      .map((el) => ({ el, r: visibleRect(el) }))
      .filter((t): t is { el: Element; r: DOMRect } => !!t.r && t.r.bottom > 0);
    const small = targets.filter((t) => !big(t.r));
    const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    const circleHits = (c: { x: number; y: number }, r: DOMRect) => {
      const dx = Math.max(r.left - c.x, 0, c.x - r.right);
      const dy = Math.max(r.top - c.y, 0, c.y - r.bottom);
      return dx * dx + dy * dy < (min / 2) ** 2;
    };
    const failures: string[] = [];
    for (const t of small) {
      // Inline: a link inside a sentence, sized by the line of text around it.
      if (style(t.el).display === 'inline' && !(t.el instanceof SVGElement)) {
        const block = t.el.parentElement?.closest('p, li, dd, td, th, figcaption, caption, small, blockquote, div');
        const own = (t.el.textContent ?? '').trim().length;
        if (block && (block.textContent ?? '').trim().length > own + 2) continue;
      }
      // Equivalent: the same link is offered elsewhere on the page as a full-size target.
      const href = t.el.getAttribute('href');
      if (href && bigHrefs.has(href)) continue;
      // Spacing: a 24 px circle on its centre touches no other target nor another small one's circle.
      const c = centre(t.r);
      const crowd = targets.find(
        (o) =>
          o.el !== t.el &&
          !o.el.contains(t.el) &&
          !t.el.contains(o.el) &&
          (circleHits(c, o.r) || (!big(o.r) && Math.hypot(centre(o.r).x - c.x, centre(o.r).y - c.y) < min)),
      );
      if (!crowd) continue;
      failures.push(`${name(t.el)} ${Math.round(t.r.width)}×${Math.round(t.r.height)} (too close to ${name(crowd.el)})`);
    }
    if (failures.length)
      problems.push(
        `${failures.length} tap target(s) under ${min}×${min} px and crowded: ` +
          `${failures.slice(0, 6).join('; ')}${failures.length > 6 ? '; …' : ''}`,
      );
  }
  return problems;
}

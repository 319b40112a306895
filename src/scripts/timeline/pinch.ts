/**
 * Touch on the chart: one finger belongs to the page (a swipe scrolls it; the drag that pans
 * ignores touches), two fingers pinch to zoom around the point between them.
 */
export function attachPinch(
  svg: SVGSVGElement,
  scaleBy: (factor: number, client: { x: number; y: number }) => void,
  /** The pinch ended (one finger or none left): the zoom settles once, not at every move. */
  ended: () => void,
  signal?: AbortSignal,
) {
  let last = 0;
  const spread = (t: TouchList) => Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY);
  svg.addEventListener(
    'touchstart',
    (event) => {
      if (event.touches.length === 2) last = spread(event.touches);
    },
    { passive: true, signal },
  );
  svg.addEventListener(
    'touchmove',
    (event) => {
      if (event.touches.length !== 2 || !last) return;
      event.preventDefault();
      const now = spread(event.touches);
      scaleBy(now / last, {
        x: (event.touches[0].clientX + event.touches[1].clientX) / 2,
        y: (event.touches[0].clientY + event.touches[1].clientY) / 2,
      });
      last = now;
    },
    { passive: false, signal },
  );
  svg.addEventListener(
    'touchend',
    (event) => {
      if (event.touches.length >= 2 || !last) return;
      last = 0;
      ended();
    },
    { passive: true, signal },
  );
}

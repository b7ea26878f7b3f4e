import { useCallback, useLayoutEffect, useState } from 'react';

/**
 * The drawn width of an element in CSS px, kept current as it resizes, so a chart is drawn at its
 * true size (labels at 12 px on a phone and on a desk alike) instead of scaled from a fixed
 * viewBox. Starts at `initial` until measured (and stays there where ResizeObserver is missing).
 * `ref` is a callback ref: an element that appears later is measured too.
 */
export function useWidth<T extends HTMLElement>(initial = 320) {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(initial);
  const ref = useCallback((node: T | null) => setElement(node), []);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => {
      const measured = Math.floor(element.getBoundingClientRect().width);
      if (measured > 0) setWidth(measured);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return { ref, width };
}

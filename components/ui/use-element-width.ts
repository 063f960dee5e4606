'use client';
// An element's width, followed as the window or the layout changes: tables and charts that fit
// their own box (two cards side by side, a panel) rather than the window.
import { useCallback, useState } from 'react';

/**
 * A ref callback to put on the element, and its width in px (undefined until it is attached).
 * Measured as the element is attached, in the commit, so nothing paints at a width it does not have.
 */
export function useElementWidth(): [(element: HTMLElement | null) => () => void, number | undefined] {
  const [widthPx, setWidthPx] = useState<number>();
  const ref = useCallback((element: HTMLElement | null) => {
    if (element === null) return () => undefined;
    setWidthPx(element.clientWidth);
    const observer = new ResizeObserver((entries) => setWidthPx(Math.floor(entries[0]?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, widthPx];
}

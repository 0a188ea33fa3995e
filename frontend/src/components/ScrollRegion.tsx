import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A wide table's box that scrolls sideways on a narrow screen instead of widening the page.
 * While it does scroll, it is a labelled region in the tab order, so a keyboard can scroll
 * it and a screen reader names it (WCAG 2.1.1; axe's scrollable-region-focusable); while
 * everything fits, it is a plain box and no extra tab stop.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className="app-table-scroll"
      data-scrolls={scrolls ? 'true' : undefined}
      {...(scrolls ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';

/** Whether a page was shown before: the first page of a visit does not take the focus. */
const visit = { pagesShown: 0 };

/**
 * A page's heading. After moving to another page it takes the focus, so that keyboard and
 * screen-reader users start at the top of the new page (as after a full page load).
 */
export function PageHeading({ id, children }: { id?: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (visit.pagesShown++ > 0) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="dash-page-title">
      {children}
    </h2>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A page's heading and document title. The heading takes focus when the page opens, so a
 * screen reader announces where a link led and keyboard users start from the top.
 */
export function Page({
  title,
  heading,
  caption,
  actions,
  children,
}: {
  title: string;
  heading?: ReactNode;
  /** What the page belongs to, shown above the heading (the plan's title on a plan's pages). */
  caption?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = caption ? `${title} – ${caption} – Getting to Good` : `${title} – Getting to Good`;
    headingRef.current?.focus();
  }, [title, caption]);
  return (
    <>
      <div className="page-header">
        <div>
          {caption ? <p className="caption">{caption}</p> : null}
          <h1 ref={headingRef} tabIndex={-1}>
            {heading ?? title}
          </h1>
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorNotice({ error, title = 'Something went wrong' }: { error: Error; title?: string }) {
  return (
    <div className="notice notice-error" role="alert">
      <h2>{title}</h2>
      <p>{error.message}</p>
    </div>
  );
}

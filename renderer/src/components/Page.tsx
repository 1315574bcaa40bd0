import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A page's heading and document title. The heading takes focus when the page opens, so a
 * screen reader announces where a link led and keyboard users start from the top.
 */
export function Page({ title, heading, actions, children }: { title: string; heading?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Getting to Good`;
    headingRef.current?.focus();
  }, [title]);
  return (
    <>
      <div className="page-header">
        <h1 ref={headingRef} tabIndex={-1}>
          {heading ?? title}
        </h1>
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

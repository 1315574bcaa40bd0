// A pack's print view: the report alone, without the app around it, as the PDF printer and the
// system print dialog print it. `<html data-pack-ready="true">` is set once the document and
// every chart image have loaded (the printer waits for exactly that), or "failed" when the pack
// cannot be shown. With `?print=true` the print dialog opens once it is ready; with `&back=true`
// the window then goes back to the page it came from.
import { useCallback, useEffect, useRef } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useContractQuery } from '../client/hooks';
import { PackDocumentView } from '../components/pack-document';
import { ErrorNotice, Loading } from '../components/Page';

/** A CSS string holding the text, for the `content` of a page margin box. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * Prints the marking in the top margin of every page. The stylesheet is made in script (the
 * Content-Security-Policy allows no inline style) and only while the view is open, so other
 * pages print without it.
 */
function useMarkingOnEveryPage(marking: string | undefined): void {
  useEffect(() => {
    if (marking === undefined) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`@page pack { @top-center { content: ${cssString(marking)}; } }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  }, [marking]);
}

export function PrintPackPage() {
  const { packId = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const pack = useContractQuery('packs.document', { packId });
  const printed = useRef(false);
  const printOnReady = search.get('print') === 'true';
  const backAfterPrint = search.get('back') === 'true';
  const data = pack.data;
  useMarkingOnEveryPage(data?.marking);

  useEffect(() => {
    if (!data) return;
    document.title = `${data.title}: ${data.cover.committee}, ${data.cover.meetingDate}`;
  }, [data]);

  // A changed document is ready again only once its own chart images have loaded.
  useEffect(() => {
    if (data) document.documentElement.dataset.packReady = 'false';
  }, [data]);

  useEffect(() => {
    if (pack.error) document.documentElement.dataset.packReady = 'failed';
  }, [pack.error]);

  useEffect(
    () => () => {
      delete document.documentElement.dataset.packReady;
    },
    [],
  );

  const onReady = useCallback(() => {
    document.documentElement.dataset.packReady = 'true';
    if (!printOnReady || printed.current) return;
    printed.current = true;
    window.print();
    if (backAfterPrint) void navigate(-1);
  }, [printOnReady, backAfterPrint, navigate]);

  return (
    <main className="pack-print">
      {pack.isPending ? <Loading what="the pack" /> : null}
      {pack.error ? <ErrorNotice error={pack.error} title="The pack could not be shown" /> : null}
      {data ? (
        <>
          <p className="pack-print-marking">{data.marking}</p>
          <PackDocumentView document={data} offset={0} onReady={onReady} />
        </>
      ) : null}
    </main>
  );
}

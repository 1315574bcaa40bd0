import type { RagCounts } from '../../../shared/contract';
import { RAG_DISPLAY, RAG_VALUES, type Rag, type RagShape } from '../../../shared/rag';

function Shape({ shape }: { shape: RagShape }) {
  switch (shape) {
    case 'square':
      return <rect x="2" y="2" width="12" height="12" />;
    case 'triangle':
      return <polygon points="8,1 15,15 1,15" />;
    case 'circle':
      return <circle cx="8" cy="8" r="7" />;
    case 'star':
      return <polygon points="8,0.5 10.2,5.6 15.6,5.9 11.4,9.4 12.8,14.8 8,11.8 3.2,14.8 4.6,9.4 0.4,5.9 5.8,5.6" />;
  }
}

/** A RAG rating as shape, word and colour together, so it reads in greyscale too. */
export function RagBadge({ rag, meaning }: { rag: Rag | null; meaning?: string }) {
  if (!rag) return <span className="rag rag-none">Not rated</span>;
  const display = RAG_DISPLAY[rag];
  return (
    <span className={`rag rag-${rag}`} title={meaning}>
      <svg className="rag-shape" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <Shape shape={display.shape} />
      </svg>
      {display.label}
    </span>
  );
}

/** How many actions have each rating, as badges with counts. */
export function RagCountList({ counts, label, showUnrated = false }: { counts: RagCounts; label: string; showUnrated?: boolean }) {
  return (
    <ul className="rag-counts" aria-label={label}>
      {RAG_VALUES.map((rag) => (
        <li key={rag}>
          <RagBadge rag={rag} /> {counts[rag]}
        </li>
      ))}
      {showUnrated ? <li>Not rated {counts.unrated}</li> : null}
    </ul>
  );
}

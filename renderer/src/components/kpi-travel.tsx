import type { Direction, Travel } from '../../../shared/kpi-rag';

const MARKS: Record<Direction, { word: string; arrow: string }> = {
  improving: { word: 'Improving', arrow: '▲' },
  worsening: { word: 'Worsening', arrow: '▼' },
  'no-change': { word: 'No change', arrow: '▶' },
  unknown: { word: 'Not known', arrow: '–' },
};

/**
 * The direction of travel as a word and an arrow, with the values behind it. The arrow points the
 * way the figure moved; the word says whether that is better or worse for this KPI.
 */
export function TravelMark({ travel, detail = true }: { travel: Travel; detail?: boolean }) {
  const mark = MARKS[travel.direction];
  const moved = /\b(up|down)\b/.exec(travel.explanation)?.[1];
  const arrow = travel.direction === 'improving' || travel.direction === 'worsening' ? (moved === 'down' ? '▼' : '▲') : mark.arrow;
  return (
    <span className={`travel travel-${travel.direction}`}>
      <span aria-hidden="true" className="travel-arrow">
        {arrow}
      </span>{' '}
      <strong>{mark.word}</strong>
      {detail && travel.direction !== 'unknown' ? <span className="small block">{travel.explanation.replace(/^(Improving|Worsening): |^No change /, '')}</span> : null}
    </span>
  );
}

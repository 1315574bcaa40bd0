// Column widths for a pack's tables. The document gives each column a relative width, but a
// fixed-width table in Word breaks a word that does not fit its column ("Gre / en"), so every
// column gets at least the width of its longest word and the rest is shared as the document
// asks. Words are measured from Arial's proportions, closely enough to size a column.

const NARROW = new Set("fijlrtI!.,:;'|()[]/ ");
const WIDE = new Set('mwMW%@');
const BOLD_FACTOR = 1.08;
/** Shapes and letters outside ASCII come from a fallback font; allow them a generous width. */
const OTHER = 0.8;

/** A word's width in ems of the font it is set in. */
export function wordEms(word: string, bold: boolean): number {
  let ems = 0;
  for (const character of word) {
    if (NARROW.has(character)) ems += 0.29;
    else if (WIDE.has(character)) ems += 0.9;
    else if (character >= 'A' && character <= 'Z') ems += 0.72;
    else if (character.charCodeAt(0) < 128) ems += 0.56;
    else ems += OTHER;
  }
  return bold ? ems * BOLD_FACTOR : ems;
}

export interface ColumnText {
  /** The column's relative width, as the document gives it. */
  weight: number;
  /** Each piece of text the column holds, with whether it is bold; words split at spaces. */
  texts: { text: string; bold: boolean }[];
}

/** The widest word of each column, in ems. */
export function longestWordEms(column: ColumnText): number {
  let widest = 0;
  for (const { text, bold } of column.texts) {
    for (const word of text.split(/[ \n\t-]+/)) widest = Math.max(widest, wordEms(word, bold));
  }
  return widest;
}

/**
 * Shares `total` twips between columns by weight, giving none less than its minimum; a column
 * below its minimum takes it and the others share what is left. When the minimums alone do not
 * fit, each gets its share of the total in proportion to its minimum.
 */
export function shareWidths(weights: readonly number[], minimums: readonly number[], total: number): number[] {
  const minimumTotal = minimums.reduce((sum, minimum) => sum + minimum, 0);
  const widths = minimumTotal >= total ? minimums.map((minimum) => (minimum / minimumTotal) * total) : waterFill(weights, minimums, total);
  return toWholeTwips(widths, total);
}

function waterFill(weights: readonly number[], minimums: readonly number[], total: number): number[] {
  const atMinimum = new Set<number>();
  for (;;) {
    const free = total - [...atMinimum].reduce((sum, index) => sum + (minimums[index] ?? 0), 0);
    const weight = weights.reduce((sum, value, index) => (atMinimum.has(index) ? sum : sum + value), 0);
    const widths = weights.map((value, index) => (atMinimum.has(index) ? (minimums[index] ?? 0) : (value / weight) * free));
    const short = widths.findIndex((width, index) => !atMinimum.has(index) && width < (minimums[index] ?? 0));
    if (short < 0) return widths;
    atMinimum.add(short);
  }
}

/** Rounds down each width, the last column taking what rounding left, so they sum to `total`. */
function toWholeTwips(widths: readonly number[], total: number): number[] {
  const whole = widths.map((width) => Math.floor(width));
  const rest = total - whole.reduce((sum, width) => sum + width, 0);
  return whole.map((width, index) => (index === whole.length - 1 ? width + rest : width));
}

// Turning the words of a report into plan items: the "What needs to improve" list split into
// recommendations, and a finding's text shortened into an action's title. Users paste from the
// report's PDF or from Word, so the text arrives with hard line breaks, hyphenation, bullet
// glyphs and page furniture; the user checks and corrects the result before anything is saved.

const SOFT_HYPHEN = /\u00ad/g;
const HYPHENS = /[\u2010\u2011]/g;
const ODD_SPACES = /[\u00a0\u2007\u202f\t\f\v]/g;

/** Word, PDF readers and Ofsted's own template bullets, including Symbol-font glyphs in the private use area. */
const BULLET = /^(?:[•●▪■□◦‣∙·*\-–—➢➤►▶✓✔]|[\uf000-\uf8ff])(?:\s+|$)/u;
/** "1.", "1)", "(1)", "1 -", "1 –": the report's own numbering, at most two digits. */
const NUMBER = /^(?:\((\d{1,2})\)|(\d{1,2})[.)]|(\d{1,2})\s+[-–—])(?:\s+|$)/;

const HEADINGS = [
  /^what needs to improve\b/i,
  /^recommendations?\s*:?$/i,
  /^areas? (?:for|of) (?:improvement|priority action)\s*:?$/i,
  // SIF reports grouped their recommendations by when the council should act.
  /^(?:immediate action|within \w+ (?:weeks?|months?))\s*:?$/i,
];

/** Line-end fragments that begin a real compound word, so "pre-" + "proceedings" keeps its hyphen. */
const COMPOUND_PREFIXES = new Set([
  'pre', 'post', 'multi', 'non', 'co', 'self', 'cross', 'well', 'long', 'short', 'full', 'part', 'high', 'low',
  'follow', 'step', 'decision', 'child', 'family', 'face', 'age', 'anti', 'semi', 'ex', 'mid', 'half', 'care',
  'risk', 'trauma', 'strengths', 'evidence', 'outcome', 'needs', 'time', 'cost', 'agency',
]);

interface Marked {
  kind: 'bullet' | 'number' | 'none';
  number: number | null;
  rest: string;
}

function markerOf(line: string): Marked {
  const numbered = NUMBER.exec(line);
  if (numbered) {
    const number = Number(numbered[1] ?? numbered[2] ?? numbered[3]);
    return { kind: 'number', number, rest: line.slice(numbered[0].length) };
  }
  const bullet = BULLET.exec(line);
  if (bullet) return { kind: 'bullet', number: null, rest: line.slice(bullet[0].length) };
  return { kind: 'none', number: null, rest: line };
}

function isHeading(line: string): boolean {
  return HEADINGS.some((pattern) => pattern.test(line));
}

/** An introduction such as "The local authority should:" or a question heading, before the list. */
function isIntroduction(line: string): boolean {
  return isHeading(line) || (line.length <= 150 && /[:?]$/.test(line));
}

const endsSentence = (line: string) => /[.;!?]["'”’)\]]?$/.test(line);
const startsLower = (line: string) => /^[a-z(,]/.test(line);

/** Whether the text writes this word on one line somewhere, as a whole word. */
function writtenElsewhere(word: string, wholeText: string): boolean {
  return new RegExp(`(?<![A-Za-z-])${word}(?![A-Za-z])`, 'i').test(wholeText);
}

/**
 * Whether a line-end hyphen between `before` and `after` belongs to the word. The PDF breaks
 * words inside ("manage-" "ment") and compounds at their hyphen ("pre-" "proceedings"): the
 * hyphen stays when the compound runs on ("up-to-" "date"), when the text elsewhere writes the
 * word with it (or, dropped, without it), when the first part is a usual compound prefix, or
 * when the second part is capitalised or itself hyphenated.
 */
function keepsHyphen(joined: string, before: string, line: string, wholeText: string): boolean {
  const after = /^[A-Za-z]+/.exec(line)?.[0] ?? '';
  if (/-[A-Za-z]+-$/.test(joined) || writtenElsewhere(`${before}-${after}`, wholeText)) return true;
  if (writtenElsewhere(`${before}${after}`, wholeText)) return false;
  return COMPOUND_PREFIXES.has(before.toLowerCase()) || /^[A-Z0-9]/.test(line) || /^[A-Za-z]+-/.test(line);
}

/** Joins the wrapped lines of one item with spaces, rejoining words the PDF hyphenated. */
function joinLines(lines: string[], wholeText: string): string {
  let joined = '';
  for (const line of lines) {
    const broken = /([A-Za-z]+)-$/.exec(joined)?.[1];
    if (joined === '') joined = line;
    else if (broken && /^[A-Za-z]/.test(line)) {
      joined = keepsHyphen(joined, broken, line, wholeText) ? `${joined}${line}` : `${joined.slice(0, -1)}${line}`;
    } else joined = `${joined} ${line}`;
  }
  return joined;
}

/** Trims an item as a list writes it: "…supervision; and" is the recommendation "…supervision". */
function tidy(item: string): string {
  let text = item.replace(/\s+/g, ' ').trim();
  let previous = '';
  while (previous !== text) {
    previous = text;
    text = text
      .replace(/\s*[;,]\s*(?:and|or)$/i, '')
      .replace(/\s+(?:and|or)$/i, '')
      .replace(/\s*[;,]$/, '')
      .trim();
  }
  return text;
}

function splitMarked(lines: string[], wholeText: string): string[] {
  const items: string[][] = [];
  let current: string[] | null = null;
  let lastNumber: number | null = null;
  let afterBlank = false;
  for (const line of lines) {
    if (line === '') {
      afterBlank = true;
      continue;
    }
    const marked = markerOf(line);
    // A number in running text ("12 months") is not a marker: only the next number, or a
    // list starting again at 1, begins an item.
    const numberStarts =
      marked.kind === 'number' && (lastNumber === null || marked.number === lastNumber + 1 || marked.number === 1);
    if (marked.kind === 'none' && isHeading(line)) {
      current = null;
    } else if (marked.kind === 'bullet' || numberStarts) {
      if (marked.kind === 'number') lastNumber = marked.number;
      current = marked.rest === '' ? [] : [marked.rest];
      items.push(current);
    } else if (current === null || (current.length > 0 && afterBlank && endsSentence(current.at(-1) ?? ''))) {
      // Before the list, or a new paragraph after a finished item: an introduction or a
      // heading is dropped, anything else stands as an item of its own.
      if (isIntroduction(line)) current = null;
      else {
        current = [line];
        items.push(current);
      }
    } else {
      current.push(line);
    }
    afterBlank = false;
  }
  return items.map((item) => joinLines(item, wholeText));
}

/** Without markers: a block with full stops breaks after them; a block without any is one item a line. */
function splitBlock(lines: string[], wholeText: string): string[] {
  const punctuated = lines.slice(0, -1).some(endsSentence);
  const items: string[][] = [];
  let current: string[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const startsItem =
      previous === undefined ||
      (!/-$/.test(previous) && !startsLower(line) && (punctuated ? endsSentence(previous) || /:$/.test(previous) : true));
    if (startsItem) {
      current = [line];
      items.push(current);
    } else current.push(line);
  });
  return items.map((item) => joinLines(item, wholeText));
}

/**
 * Splits the pasted "What needs to improve" section of an inspection report into its
 * recommendations, in order. Understands numbered items ("1.", "1)", "(1)", "1 -"), bullets
 * ("•", "-", "*", "–" and the glyphs PDFs copy), and, without either, one recommendation per
 * paragraph (or per line, when lines are not wrapped sentences). Wrapped lines rejoin their
 * item, headings such as "What needs to improve in this local authority?" are dropped, and
 * each item loses the trailing "; and" of a list while keeping its own punctuation.
 */
export function splitRecommendations(text: string): string[] {
  const wholeText = text.replace(SOFT_HYPHEN, '').replace(HYPHENS, '-').replace(ODD_SPACES, ' ').replace(/\r\n?/g, '\n');
  const lines = wholeText.split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim());
  const marked = lines.some((line) => markerOf(line).kind !== 'none');

  let items: string[];
  if (marked) items = splitMarked(lines, wholeText);
  else {
    const paragraphs: string[][] = [[]];
    for (const line of lines) {
      if (line === '') {
        if ((paragraphs.at(-1) ?? []).length > 0) paragraphs.push([]);
      } else (paragraphs.at(-1) ?? []).push(line);
    }
    const blocks = paragraphs
      .filter((paragraph) => paragraph.length > 0)
      .map((paragraph) => (isIntroduction(paragraph[0] ?? '') ? paragraph.slice(1) : paragraph))
      .filter((paragraph) => paragraph.length > 0);
    items =
      blocks.length > 1
        ? blocks.map((block) => joinLines(block, wholeText))
        : blocks.flatMap((block) => splitBlock(block, wholeText));
  }
  return items.map(tidy).filter((item) => item !== '' && !isHeading(item));
}

/**
 * A title for an action made from a finding or recommendation: its first sentence, cut at a
 * clause (", and", "; ", " – ") or else at a word when longer than `max` characters, without
 * the closing full stop. The full text goes into the action's description.
 */
export function titleFromText(text: string, max = 100): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const sentence = (/^.+?[.!?](?=\s+[A-Z]|$)/.exec(clean)?.[0] ?? clean).replace(/[.!]$/, '').trim();
  if (sentence.length <= max) return sentence;
  const head = sentence.slice(0, max + 1);
  const clauseCut = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(' – '), head.lastIndexOf(' — '));
  // A clause too short to stand as a title is worse than a sentence cut at a word.
  if (clauseCut >= 30) return sentence.slice(0, clauseCut).trim();
  const wordCut = head.lastIndexOf(' ');
  return `${sentence.slice(0, wordCut > 0 ? wordCut : max).replace(/[,;:–—-]$/, '').trim()}…`;
}

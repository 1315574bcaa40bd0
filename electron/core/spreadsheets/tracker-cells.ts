// What a cell of a council's action plan tracker means: a date (as councils write them, or as
// Excel keeps them), a RAG rating, a status. What cannot be read without guessing ("end of Sept",
// "Q3", "March 2026", "Amber/Green") is a problem for the person to correct, never a guess.
import { isValid, parse } from 'date-fns';
import { enGB } from 'date-fns/locale';
import { formatLongDate } from '../../../shared/dates';
import { RAG_VALUES, type Rag } from '../../../shared/rag';
import type { ActionStatus } from '../../../shared/vocabulary';
import { cellText, type SheetCell } from '../figures/sheet';

export type Reading<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Plans are made in this century: a year outside these is a slip of the keyboard. */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;
/** Excel's serial numbers of 1 January 1990 and 31 December 2100. */
const FIRST_SERIAL = 32_874;
const LAST_SERIAL = 73_415;

const EXAMPLE = 'such as 30/09/2025 or 30 September 2025';

function serialToIso(serial: number): string {
  const day = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function iso(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function inRange(date: string, shown: string): Reading<string> {
  const year = Number(date.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, problem: `“${shown}” is in the year ${year}: type the date, ${EXAMPLE}` };
  return { ok: true, value: date };
}

const MONTH_WORDS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/i;

/** A date written as text: day first, as in England (3/4/2025 is 3 April), with the month as a number or a word. */
export function readDateText(written: string, today: Date): Reading<string> {
  const shown = written.trim();
  const text = shown
    .replace(/\s+/g, ' ')
    .replace(/,/g, ' ')
    // A weekday before the date says nothing more: "Friday 30 May 2025".
    .replace(/^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.? /i, '')
    .replace(/\b(\d{1,2})(st|nd|rd|th)\b/gi, '$1')
    // A time of midnight, as Excel writes a day into CSV: "30/09/2025 00:00".
    .replace(/[ T]00:00(:00(\.0+)?)?(Z)?$/, '')
    .replace(/\bsept\b/gi, 'Sep')
    .replace(/\s+/g, ' ')
    .trim();
  const tryFormat = (value: string, format: string): Date | null => {
    const date = parse(value, format, today, { locale: enGB });
    return isValid(date) ? date : null;
  };
  let date: Date | null = null;
  let numeric = false;
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) {
    date = tryFormat(text, 'yyyy-M-d');
    numeric = true;
  } else if (/^\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})$/.test(text)) {
    const slashed = text.replace(/[.-]/g, '/');
    date = tryFormat(slashed, /\/\d{4}$/.test(slashed) ? 'd/M/yyyy' : 'd/M/yy');
    numeric = true;
  } else {
    const words = /^(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{4}|\d{2})$/.exec(text);
    if (words && MONTH_WORDS.test(words[2] ?? '')) {
      const month = (words[2] ?? '').length <= 3 ? 'MMM' : 'MMMM';
      const year = (words[3] ?? '').length === 4 ? 'yyyy' : 'yy';
      date = tryFormat(`${words[1]} ${words[2]} ${words[3]}`, `d ${month} ${year}`);
    }
  }
  if (date) return inRange(iso(date), shown);
  if (numeric) return { ok: false, problem: `“${shown}” is not a real date (dates are read day first, as 31/12/2025): type the date, ${EXAMPLE}` };
  if (/^\d+$/.test(text) && Number(text) >= FIRST_SERIAL && Number(text) <= LAST_SERIAL) return { ok: true, value: serialToIso(Number(text)) };
  if (/^(q[1-4]|quarter [1-4])\b/i.test(text) || /\bq[1-4]\b/i.test(text)) {
    return { ok: false, problem: `“${shown}” is a quarter, not a day: type the day it is due, ${EXAMPLE}` };
  }
  if (/^[A-Za-z]+\.?[ -]'?(\d{4}|\d{2})$/.test(text) && MONTH_WORDS.test(text.split(/[ -]/)[0]?.replace('.', '') ?? '')) {
    return { ok: false, problem: `“${shown}” is a month, not a day: type the day it is due, ${EXAMPLE}` };
  }
  return { ok: false, problem: `“${shown}” is not a date the import can read: type the date, ${EXAMPLE}, or leave it empty` };
}

/** A date from a cell: a date cell, an Excel serial number, or text as councils write dates. Blank is no date. */
export function readDateCell(cell: SheetCell, today: Date): Reading<string | null> {
  if (cell === null) return { ok: true, value: null };
  switch (cell.kind) {
    case 'date':
      return inRange(cell.date, formatLongDate(cell.date));
    case 'number':
      if (Number.isInteger(cell.value) && cell.value >= FIRST_SERIAL && cell.value <= LAST_SERIAL && !cell.percent) return { ok: true, value: serialToIso(cell.value) };
      return { ok: false, problem: `${cellText(cell)} is a number, not a date: type the date, ${EXAMPLE}` };
    case 'text':
      return cell.text.trim() === '' ? { ok: true, value: null } : readDateText(cell.text, today);
    case 'boolean':
      return { ok: false, problem: `${cellText(cell)} is not a date: type the date, ${EXAMPLE}` };
    case 'error':
      return { ok: false, problem: `the cell shows the error ${cell.text}: correct the formula in the spreadsheet, or type the date here` };
    case 'no-result':
      return { ok: false, problem: 'the formula’s result was not saved with the file: open the file in Excel, save it and choose it again, or type the date here' };
  }
}

/** Words compared as people write them: case, spaces, dashes and stray punctuation aside. */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2010-\u2015\u2212_/,;:()[\]]+/g, ' ')
    .replace(/[.!?]+$/g, '')
    .replace(/\s-\s/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function statusOf(key: string): ActionStatus | undefined {
  return STATUS_WORDS[key] ?? STATUS_WORDS[key.replace(/-/g, ' ').replace(/\s+/g, ' ')];
}

const NOT_RATED = new Set(['', 'n a', 'na', 'none', 'not rated', 'unrated', 'no rating', 'tbc', '-']);

const RAG_WORDS: Record<string, Rag> = {
  red: 'red',
  r: 'red',
  amber: 'amber',
  a: 'amber',
  green: 'green',
  g: 'green',
  blue: 'blue',
  b: 'blue',
  complete: 'blue',
  completed: 'blue',
};

const BETWEEN = /^(red|amber|green|blue|r|a|g|b)\s*(and|\+|&|to)?\s*(red|amber|green|blue|r|a|g|b)$/;

/**
 * The words a plan's RAG meanings give each rating ("Off track: …" makes "off track" red), beside
 * the ratings' names and letters.
 */
export function ragWords(meanings: Record<Rag, string>): Map<string, Rag> {
  const words = new Map(Object.entries(RAG_WORDS) as [string, Rag][]);
  for (const rag of RAG_VALUES) {
    const lead = /^([^:.;]{2,40})[:.;]/.exec(meanings[rag] ?? '')?.[1];
    if (lead) words.set(normaliseWords(lead), rag);
  }
  return words;
}

/** A RAG rating from a cell; blank, "N/A" and "Not rated" are none. */
export function readRag(cell: SheetCell, words: Map<string, Rag>): Reading<Rag | null> {
  const shown = cellText(cell).trim();
  if (cell?.kind === 'error') return { ok: false, problem: `the cell shows the error ${cell.text}: correct the formula in the spreadsheet, or type the RAG here` };
  const key = normaliseWords(shown);
  if (NOT_RATED.has(key)) return { ok: true, value: null };
  const rag = words.get(key) ?? words.get(key.replace(/^rag (rating )?/, ''));
  if (rag) return { ok: true, value: rag };
  const pair = BETWEEN.exec(key.replace(/\s+/g, ' '));
  if (pair || /^(ra|ag|rag)$/.test(key)) {
    return { ok: false, problem: `“${shown}” is between two ratings: choose one of Red, Amber, Green or Blue` };
  }
  return { ok: false, problem: `“${shown}” is not a RAG rating: type Red, Amber, Green or Blue (Blue is complete), or leave it empty` };
}

const STATUS_WORDS: Record<string, ActionStatus> = {
  'not started': 'not-started',
  'not yet started': 'not-started',
  'yet to start': 'not-started',
  'to start': 'not-started',
  'in progress': 'in-progress',
  ongoing: 'in-progress',
  'on going': 'in-progress',
  started: 'in-progress',
  underway: 'in-progress',
  'under way': 'in-progress',
  'in hand': 'in-progress',
  'awaiting evidence': 'awaiting-evidence',
  'awaiting sign off': 'awaiting-evidence',
  'awaiting sign-off': 'awaiting-evidence',
  'complete awaiting evidence': 'awaiting-evidence',
  'complete awaiting sign off': 'awaiting-evidence',
  'complete awaiting evidence or sign-off': 'awaiting-evidence',
  'complete awaiting evidence or sign off': 'awaiting-evidence',
  complete: 'complete',
  completed: 'complete',
  done: 'complete',
  achieved: 'complete',
  superseded: 'superseded',
  replaced: 'superseded',
};

const STATUS_NAMES = 'Not started, In progress, Awaiting evidence, Complete or Superseded';

/** A status from a cell; blank is none, for the caller to decide. */
export function readStatus(cell: SheetCell, rags: Map<string, Rag>): Reading<ActionStatus | null> {
  if (cell?.kind === 'error') return { ok: false, problem: `the cell shows the error ${cell.text}: correct the formula in the spreadsheet, or type the status here` };
  const shown = cellText(cell).trim();
  const key = normaliseWords(shown);
  if (key === '') return { ok: true, value: null };
  const status = statusOf(key);
  if (status) return { ok: true, value: status };
  if (rags.has(key)) return { ok: false, problem: `“${shown}” is a RAG rating, not a status: take this column as the RAG, or type a status (${STATUS_NAMES})` };
  return { ok: false, problem: `“${shown}” is not a status: type ${STATUS_NAMES}, or leave it empty` };
}

/** Whether a cell reads as a RAG rating, or as a status: for guessing what a column holds. */
export function looksLikeRag(cell: SheetCell, rags: Map<string, Rag>): boolean {
  const key = normaliseWords(cellText(cell));
  return key !== '' && rags.has(key);
}

export function looksLikeStatus(cell: SheetCell): boolean {
  const key = normaliseWords(cellText(cell));
  return key !== '' && statusOf(key) !== undefined;
}

/** Text from a cell, trimmed; null when blank. Errors are problems. */
export function readText(cell: SheetCell, max: number, what: string): Reading<string | null> {
  if (cell?.kind === 'error') return { ok: false, problem: `the cell shows the error ${cell.text}: correct the formula in the spreadsheet, or type the ${what} here` };
  const text = cellText(cell).replace(/\r\n?/g, '\n').trim();
  if (text === '') return { ok: true, value: null };
  if (text.length > max) return { ok: false, problem: `the ${what} is ${text.length.toLocaleString('en-GB')} characters long; it can be at most ${max.toLocaleString('en-GB')}` };
  return { ok: true, value: text };
}

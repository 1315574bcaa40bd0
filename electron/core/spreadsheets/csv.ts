// CSV as RFC 4180 writes it (comma-separated, CRLF line ends, fields quoted when they hold a
// comma, a quote, a line end or space at either end, quotes doubled), in UTF-8 with its
// byte-order mark so that Excel reads £ and accented names rightly. csv-stringify writes it;
// what is ours is keeping text a spreadsheet would run as a formula as text.
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | null;

/** Text that a spreadsheet would run as a formula when it opens the file. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

function field(value: CsvValue): string | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  // A leading apostrophe keeps text such as "=HYPERLINK(…)" from running as a formula in Excel.
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The rows (the first being the headings) as the bytes of a CSV file. */
export function csvBytes(rows: CsvValue[][]): Buffer {
  const text = stringify(
    rows.map((row) => row.map(field)),
    { bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$|[\r\n]/ },
  );
  return Buffer.from(text, 'utf8');
}

// CSV as RFC 4180 writes it (comma-separated, CRLF line ends, fields quoted when they hold a
// comma, a quote or a line end, quotes doubled), in UTF-8 with its byte-order mark so that Excel
// reads £ and accented names rightly.

export type CsvValue = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;
/** Text that a spreadsheet would run as a formula when it opens the file. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

function field(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // A leading apostrophe keeps text such as "=HYPERLINK(…)" from running as a formula in Excel.
  const text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows (the first being the headings) as the bytes of a CSV file. */
export function csvBytes(rows: CsvValue[][]): Buffer {
  const text = rows.map((row) => row.map(field).join(',')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

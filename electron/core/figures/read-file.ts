// Reads the file the performance team sent (or a council's action plan tracker): an Excel workbook
// (.xlsx) or a CSV file, told apart by their content rather than their names. Anything else is
// refused with what to do instead.
import type ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { FIGURES_MAX_ROWS } from '../../../shared/contract-figures-import';
import { formatCalendarDate } from '../../../shared/working-days';
import { FileProblem, type Sheet, type SheetCell, type SpreadsheetFile } from './sheet';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Excel's older files and password-protected workbooks are compound documents. */
const COMPOUND_DOCUMENT = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

const startsWith = (content: Buffer, bytes: number[]) => bytes.every((byte, index) => content[index] === byte);

/** What the file is read for, as its refusals name it. */
export interface Reading {
  /** What the rows hold: "figures", "actions". */
  contents: string;
  /** The file to choose instead: "the spreadsheet the performance team sent". */
  file: string;
  /** The file to choose instead, naming its kinds. */
  fileOfKinds: string;
  /** The most rows a sheet may have. */
  maxRows: number;
  /** What to do with a sheet that has more. */
  tooLongAdvice: string;
}

export const READING_FIGURES: Reading = {
  contents: 'figures',
  file: 'the spreadsheet the performance team sent',
  fileOfKinds: 'the Excel workbook (.xlsx) or CSV file of figures the performance team sent',
  maxRows: FIGURES_MAX_ROWS,
  tooLongAdvice: 'Copy the figures to import into a sheet of their own and choose that',
};

function tooLong(name: string, rows: number, reading: Reading): FileProblem {
  return new FileProblem(
    `The sheet “${name}” has ${rows.toLocaleString('en-GB')} rows; at most ${reading.maxRows.toLocaleString('en-GB')} are read. ${reading.tooLongAdvice}`,
    'sheet',
  );
}

function emptySheet(name: string, reading: Reading): FileProblem {
  return new FileProblem(`The sheet “${name}” is empty: choose the sheet that holds the ${reading.contents}`, 'sheet');
}

/** Reads the file, or throws a FileProblem saying why it cannot be read. */
export async function readSpreadsheet(fileName: string, content: Buffer, reading: Reading = READING_FIGURES): Promise<SpreadsheetFile> {
  const named = `“${fileName}”`;
  if (content.length === 0) throw new FileProblem(`${named} is empty: choose ${reading.file}`);
  if (startsWith(content, PDF)) throw new FileProblem(`${named} is a PDF document, not a spreadsheet. Choose ${reading.fileOfKinds}`);
  if (startsWith(content, COMPOUND_DOCUMENT)) {
    // An encrypted workbook keeps its encryption details in a stream of this name.
    if (content.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      throw new FileProblem(`${named} is protected by a password, so it cannot be read. Open it in Excel, remove the password (File, Info, Protect Workbook), save it and choose it again`);
    }
    throw new FileProblem(`${named} is in the old Excel 97–2003 format (.xls). Open it in Excel, save it as an Excel Workbook (.xlsx) and choose that`);
  }
  if (startsWith(content, ZIP)) {
    if (/\.ods$/i.test(fileName)) {
      throw new FileProblem(`${named} is an OpenDocument spreadsheet. Save it as an Excel Workbook (.xlsx) or as CSV and choose that`);
    }
    return readWorkbook(named, content, reading);
  }
  if (/\.(xlsx|xlsm|xls)$/i.test(fileName)) {
    const looksLikeText = !content.subarray(0, 4096).includes(0);
    throw new FileProblem(
      looksLikeText
        ? `${named} is named as an Excel workbook but holds plain text. If it is a CSV file, rename it to end in .csv; otherwise open it in Excel and save it as an Excel Workbook (.xlsx)`
        : `${named} is named as an Excel workbook but is not one, or is damaged. Open it in Excel and save it again as an Excel Workbook (.xlsx)`,
    );
  }
  return readCsv(fileName, content, reading);
}

// ---------------------------------------------------------------- Excel workbooks

type ExcelValue = ExcelJS.CellValue | ExcelJS.CellFormulaValue['result'];

/** Whether a number format shows a day: it has day, month or year codes outside quoted text and [colours]. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const codes = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dmy]/i.test(codes) && !/^general$/i.test(codes);
}

function isPercentFormat(format: string | undefined): boolean {
  return !!format && format.replace(/"[^"]*"/g, '').replace(/\\./g, '').includes('%');
}

/** Excel counts days from 30 December 1899 (from 1 January 1904 in the 1904 date system). */
function serialToDate(serial: number, date1904: boolean): string {
  const epoch = Date.UTC(1899, 11, 30) + (date1904 ? 1462 * 86_400_000 : 0);
  const day = new Date(epoch + Math.floor(serial) * 86_400_000);
  return formatCalendarDate(new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
}

/** Excel stores 85% as 0.85; shown as a percentage it is 85. Rounded to hide the binary fraction. */
function asPercent(value: number): number {
  return Number((value * 100).toPrecision(12));
}

function toSheetCell(value: ExcelValue, format: string | undefined, date1904: boolean): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (isDateFormat(format)) return { kind: 'date', date: serialToDate(value, date1904) };
    return isPercentFormat(format) ? { kind: 'number', value: asPercent(value), percent: true } : { kind: 'number', value, percent: false };
  }
  if (typeof value === 'string') return value === '' ? null : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) {
    // The workbook's days arrive as midnight UTC.
    return { kind: 'date', date: formatCalendarDate(new Date(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate())) };
  }
  if ('error' in value) return { kind: 'error', text: String(value.error) };
  if ('richText' in value) return toSheetCell(value.richText.map((part) => part.text).join(''), undefined, date1904);
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value && value.formula ? value.formula : 'sharedFormula' in value ? value.sharedFormula : '';
    if (value.result === undefined) return { kind: 'no-result', formula: String(formula) };
    return toSheetCell(value.result, format, date1904);
  }
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    if (typeof text === 'string') return toSheetCell(text, undefined, date1904);
    if (text && typeof text === 'object' && 'richText' in text) return toSheetCell(text as ExcelJS.CellRichTextValue, undefined, date1904);
    return null;
  }
  return null;
}

/**
 * A merged cell as the sheet shows it. A merge down one column (a theme written once beside all
 * its rows) stands for each of its rows; a merge across (a title over the table) is shown once,
 * in its first cell, so the cells after it read as blank.
 */
function mergedValue(cell: ExcelJS.Cell, merge: ExcelJS.ValueType): ExcelValue | null {
  if (cell.type !== merge) return cell.value;
  return cell.master.col === cell.col ? cell.master.value : null;
}

/** The last row with something in it (a row Excel keeps only for its formatting does not count). */
function lastRowWithValues(worksheet: ExcelJS.Worksheet): number {
  let last = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hasValues) last = rowNumber;
  });
  return last;
}

async function readWorkbook(named: string, content: Buffer, reading: Reading): Promise<SpreadsheetFile> {
  // The workbook library is loaded when a workbook is first read, not when the app starts.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw new FileProblem(`${named} is damaged or is not an Excel workbook, so it cannot be read. Open it in Excel, save it again as an Excel Workbook (.xlsx) and choose it again`);
  }
  const date1904 = Boolean(workbook.properties?.date1904);
  const visible = workbook.worksheets.filter((worksheet) => worksheet.state !== 'hidden' && worksheet.state !== 'veryHidden');
  const worksheets = visible.length > 0 ? visible : workbook.worksheets;
  if (worksheets.length === 0) throw new FileProblem(`${named} has no sheets`);
  const sheets = worksheets.map((worksheet) => ({ name: worksheet.name, rowCount: lastRowWithValues(worksheet) }));
  if (sheets.every((sheet) => sheet.rowCount === 0)) throw new FileProblem(`${named} has no ${reading.contents}: every sheet in it is empty`);
  return {
    kind: 'xlsx',
    sheets,
    sheet(name) {
      const worksheet = worksheets.find((candidate) => candidate.name === name);
      const found = sheets.find((candidate) => candidate.name === name);
      if (!worksheet || !found) throw new FileProblem(`${named} has no sheet called “${name}”`, 'sheet');
      if (found.rowCount === 0) throw emptySheet(name, reading);
      if (found.rowCount > reading.maxRows) throw tooLong(name, found.rowCount, reading);
      const rows: SheetCell[][] = Array.from({ length: found.rowCount }, () => []);
      let columnCount = 0;
      worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells = rows[rowNumber - 1];
        if (!cells) return;
        row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
          const read = toSheetCell(mergedValue(cell, excel.ValueType.Merge), cell.numFmt, date1904);
          if (read === null) return;
          cells[columnNumber - 1] = read;
          columnCount = Math.max(columnCount, columnNumber);
        });
      });
      for (const cells of rows) for (let index = 0; index < columnCount; index += 1) cells[index] ??= null;
      return { name, rows, columnCount };
    },
  };
}

// ---------------------------------------------------------------- CSV

/** UTF-8 (with or without its byte-order mark), UTF-16 as Excel's "Unicode text" writes it, or else Windows-1252 as older Excel writes CSV. */
function decodeText(content: Buffer): string {
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content.subarray(2));
  if (content[0] === 0xfe && content[1] === 0xff) return new TextDecoder('utf-16be').decode(content.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

/** The delimiter of the first lines: the one of comma, semicolon and tab found most often outside quotes. */
export function guessDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '').slice(0, 10);
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  for (const line of lines) {
    const unquoted = line.replace(/"[^"]*"/g, '');
    for (const delimiter of counts.keys()) counts.set(delimiter, (counts.get(delimiter) ?? 0) + unquoted.split(delimiter).length - 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

function readCsv(fileName: string, content: Buffer, reading: Reading): SpreadsheetFile {
  const named = `“${fileName}”`;
  const text = decodeText(content).replace(/^\uFEFF/, '');
  // Text has no control characters but tab and line ends: these are the bytes of some other kind of file.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) {
    throw new FileProblem(`${named} is not a spreadsheet. Choose ${reading.fileOfKinds}`);
  }
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: guessDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
  } catch (error) {
    const where = error instanceof Error && 'lines' in error ? ` near line ${String((error as { lines: unknown }).lines)}` : '';
    throw new FileProblem(`${named} is not a well-formed CSV file${where}. Open it in Excel, save it again as CSV and choose it again`);
  }
  while (records.length > 0 && (records.at(-1) ?? []).every((value) => value.trim() === '')) records.pop();
  const name = fileName;
  const rowCount = records.length;
  if (rowCount === 0) throw new FileProblem(`${named} is empty: it has no rows`);
  return {
    kind: 'csv',
    sheets: [{ name, rowCount }],
    sheet(requested) {
      if (requested !== name) throw new FileProblem(`${named} is a CSV file with one sheet of ${reading.contents}, “${name}”`, 'sheet');
      if (rowCount > reading.maxRows) throw tooLong(name, rowCount, reading);
      const columnCount = records.reduce((widest, record) => Math.max(widest, record.length), 0);
      const rows = records.map((record) =>
        Array.from({ length: columnCount }, (_, index): SheetCell => {
          const value = record[index] ?? '';
          return value.trim() === '' ? null : { kind: 'text', text: value };
        }),
      );
      return { name, rows, columnCount } satisfies Sheet;
    },
  };
}

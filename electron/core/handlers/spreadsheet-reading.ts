// What every import of a spreadsheet does the same way: the file read from what was sent, a sheet
// read from it, each refused at the field to change, and the import refused while problems remain.
import { AppError, type FieldProblem } from '../../../shared/errors';
import { readSpreadsheet, type Reading } from '../figures/read-file';
import { FileProblem, type Sheet, type SpreadsheetFile } from '../figures/sheet';

/** How many problems a refusal names field by field. */
const MAX_FIELDS = 50;

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** A refusal at one field; when saving, it says that nothing was saved. */
export function refusal(path: string, message: string, saving: boolean): AppError {
  const text = saving ? `Nothing was saved: ${message.charAt(0).toLowerCase()}${message.slice(1)}.` : `${message}.`;
  return new AppError('invalid-input', text, { fields: [{ path, message }] });
}

/** What made the file or a sheet unreadable, as a refusal at the field to change; anything else as it was. */
function atTheField(error: unknown, saving: boolean): unknown {
  return error instanceof FileProblem ? refusal(error.field, error.message, saving) : error;
}

/** Reads the file, turning what makes it unreadable into a refusal at the field to change. */
export async function readFile(input: { fileName: string; contentBase64: string }, saving: boolean, reading?: Reading): Promise<SpreadsheetFile> {
  try {
    return await readSpreadsheet(input.fileName, Buffer.from(input.contentBase64, 'base64'), reading);
  } catch (error) {
    throw atTheField(error, saving);
  }
}

/** Reads one sheet of the file, refusing one that is empty or too long at the sheet. */
export function readSheet(file: SpreadsheetFile, name: string, saving: boolean): Sheet {
  try {
    return file.sheet(name);
  } catch (error) {
    throw atTheField(error, saving);
  }
}

/** What an inspection says of the file and the sheet read, and of the columns chosen last time. */
export function sheetReading(file: SpreadsheetFile, sheet: Sheet, headerRow: number, remembered: { fileName: string; savedAt: string } | null, rememberedNotUsed: string | null) {
  return {
    fileKind: file.kind,
    sheets: file.sheets,
    sheet: sheet.name,
    rowCount: sheet.rows.length,
    headerRow,
    remembered: remembered ? { fileName: remembered.fileName, savedAt: remembered.savedAt } : null,
    rememberedNotUsed,
  };
}

/** Refuses the import while any problem remains, naming each at its place: "the file has 2 problems to correct first". */
export function refuseProblems<P extends { text: string }>(what: string, problems: P[], problemCount: number, pathOf: (problem: P) => string): never {
  const fields: FieldProblem[] = problems.slice(0, MAX_FIELDS).map((problem) => ({ path: pathOf(problem), message: problem.text }));
  const first = problems[0]?.text ?? '';
  const more = problemCount > 1 ? ` (and ${plural(problemCount - 1, 'more problem', 'more problems')})` : '';
  throw new AppError('invalid-input', `Nothing was saved: ${what} has ${plural(problemCount, 'problem', 'problems')} to correct first. ${first}${more}.`, { fields });
}

// The bank holidays in force: the list shipped with the app, merged with a newer GOV.UK file
// the user has loaded (kept in settings, so every process on the database uses it).
import * as z from 'zod';
import { AppError } from '../../shared/errors';
import { BUNDLED_BANK_HOLIDAYS, mergeBankHolidays, parseBankHolidays, type BankHolidays } from '../../shared/bank-holidays';
import type { Core } from './core';
import { readSetting, writeSetting } from './settings';

const LOADED_KEY = 'bankHolidays.loaded';
const Loaded = z.object({ fileName: z.string(), at: z.string(), content: z.unknown() });

const cache = new WeakMap<Core, { version: string; holidays: BankHolidays }>();

export function loadedBankHolidays(core: Core): z.infer<typeof Loaded> | null {
  return readSetting(core, LOADED_KEY, Loaded);
}

export function bankHolidays(core: Core): BankHolidays {
  const loaded = loadedBankHolidays(core);
  const version = loaded ? loaded.at : 'bundled';
  const cached = cache.get(core);
  if (cached?.version === version) return cached.holidays;
  const holidays = loaded ? mergeBankHolidays(BUNDLED_BANK_HOLIDAYS, parseBankHolidays(loaded.content)) : BUNDLED_BANK_HOLIDAYS;
  cache.set(core, { version, holidays });
  return holidays;
}

/** Validates a GOV.UK bank-holidays.json text and keeps it; throws naming what is wrong. */
export function loadBankHolidays(core: Core, fileName: string, content: string): void {
  // Refuses a file in the wrong format, naming what is wrong, before anything is kept.
  const loaded = parseBankHolidays(content);
  const known = bankHolidays(core);
  if (loaded.firstYear > known.lastYear + 1) {
    // Years between would count as known while holding no holidays, so every date in them would be wrong.
    throw new AppError(
      'invalid-input',
      `Nothing was loaded: “${fileName}” lists bank holidays from ${loaded.firstYear}, but the app knows them only up to ${known.lastYear}, ` +
        `so ${known.lastYear + 1}${loaded.firstYear - 1 > known.lastYear + 1 ? ` to ${loaded.firstYear - 1}` : ''} would be missing. ` +
        'Load the full list from GOV.UK, which covers the years in between.',
      { fields: [{ path: 'content', message: `The list starts in ${loaded.firstYear}, after a gap` }] },
    );
  }
  core.write(null, (unit) => writeSetting(unit, LOADED_KEY, { fileName, at: unit.now, content: JSON.parse(content) as unknown }));
}

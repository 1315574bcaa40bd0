import { bankHolidays, loadBankHolidays, loadedBankHolidays } from '../calendar';
import type { Core } from '../core';
import type { HandlerGroup } from './types';

function summary(core: Core) {
  const holidays = bankHolidays(core);
  const loaded = loadedBankHolidays(core);
  return { firstYear: holidays.firstYear, lastYear: holidays.lastYear, loaded: loaded ? { at: loaded.at, fileName: loaded.fileName } : null };
}

export const bankHolidayHandlers: HandlerGroup<'bankHolidays.get' | 'bankHolidays.load'> = {
  'bankHolidays.get': (_input, core) => summary(core),
  'bankHolidays.load': (input, core) => {
    loadBankHolidays(core, input.fileName, input.content);
    return summary(core);
  },
};

// Period keys as stored with KPI values, and their labels as councils write them.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The label of a period key: "2024-03" → "March 2024"; "2024-25-Q1" → "Q1 2024/25";
 * "2024-25" → "2024/25". Keys of another shape are shown as they are.
 */
export function periodLabel(key: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const name = MONTHS[Number(month[2]) - 1];
    if (name) return `${name} ${month[1]}`;
  }
  const quarter = /^(\d{4})-(\d{2})-Q([1-4])$/.exec(key);
  if (quarter) return `Q${quarter[3]} ${quarter[1]}/${quarter[2]}`;
  const year = /^(\d{4})-(\d{2})$/.exec(key);
  if (year) return `${year[1]}/${year[2]}`;
  return key;
}

/** Just over 20 MB once decoded. */
export const TOO_BIG = 'A'.repeat(Math.ceil(((20 * 1024 * 1024 + 3) * 4) / 3 / 4) * 4);

/** What every method reading a spreadsheet sent to it refuses about the file, and the field each error must name. */
export function malformedFileCases(file: { planId: string; fileName: string; contentBase64: string }): [unknown, string][] {
  return [
    [{ ...file, planId: 'Northmoor' }, 'planId'],
    [{ ...file, fileName: '  ' }, 'fileName'],
    [{ ...file, contentBase64: 'not base64 at all!' }, 'contentBase64'],
    [{ ...file, contentBase64: '' }, 'contentBase64'],
    [{ ...file, contentBase64: TOO_BIG }, 'contentBase64'],
    [{ ...file, headerRow: 0 }, 'headerRow'],
    [{ ...file, sheet: '' }, 'sheet'],
  ];
}

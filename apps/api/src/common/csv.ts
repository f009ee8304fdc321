/** RFC 4180 field: quoted when it holds a comma, quote or line break; formulas defused for spreadsheets. */
function field(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A leading =, +, -, @ makes Excel/LibreOffice run the cell as a formula (CSV injection).
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record; join records with CRLF, as RFC 4180 writes them. */
export const csvLine = (values: (string | number | null)[]): string => values.map(field).join(',');

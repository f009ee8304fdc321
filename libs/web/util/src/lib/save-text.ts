/** Triggers a download of text the page already holds (a CSV fetched with the bearer token: a plain link would carry no token). */
export function saveText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Rows as CSV text (RFC 4180: a cell with a comma, quote or line break is quoted, quotes
 * doubled), lines ended by CRLF as spreadsheets expect. A cell a spreadsheet would run as a
 * formula (starting with = + - @) gets a leading apostrophe, so a name cannot execute.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

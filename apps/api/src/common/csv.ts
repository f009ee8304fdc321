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

/**
 * RFC 4180 records of a CSV text: quoted fields may hold commas, line breaks and doubled quotes;
 * CRLF or LF ends a record; a byte-order mark and blank lines are skipped. A quote left open is
 * an error saying on which line it opened.
 */
export function parseCsv(text: string): { ok: true; records: string[][] } | { ok: false; message: string } {
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRecord = () => {
    record.push(value);
    if (record.length > 1 || record[0]?.trim()) records.push(record);
    record = [];
    value = '';
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        value += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        value += char;
      }
    } else if (char === '"' && value === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      record.push(value);
      value = '';
    } else if (char === '\n' || (char === '\r' && source[i + 1] === '\n')) {
      if (char === '\r') i++;
      line++;
      endRecord();
    } else value += char;
  }
  if (quoted) return { ok: false, message: `a quote opened on line ${quoteLine} is never closed` };
  if (value !== '' || record.length) endRecord();
  return { ok: true, records };
}

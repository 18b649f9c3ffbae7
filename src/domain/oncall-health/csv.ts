/**
 * CSV text per RFC 4180: records end in CRLF; a field containing a comma, a double quote, CR or
 * LF is enclosed in double quotes, with inner quotes doubled. Text fields that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR) get a leading apostrophe, as
 * OWASP's "CSV Injection" guidance recommends: a person's name must not become a formula on
 * payroll's machine. Numbers are written as they are.
 */

/** A CSV cell: text (escaped and guarded) or a number (written as is). */
export type CsvCell = string | number

/** Renders a header and records as RFC 4180 CSV text. */
export function renderCsv(header: readonly string[], records: readonly (readonly CsvCell[])[]): string {
  return [header, ...records].map((r) => r.map(csvField).join(',') + '\r\n').join('')
}

/** Renders one field. */
export function csvField(cell: CsvCell): string {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`CSV number must be finite, got ${cell}`)
    return String(cell)
  }
  const guarded = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded
}

import { isValidTimeZone, parseInstant, toLocal } from '../lib/time/index.js'

/** Prints rows as an aligned text table (for people); `--json` callers print JSON instead. */
export function printTable(rows: readonly Record<string, string>[], columns: readonly string[]): void {
  if (rows.length === 0) {
    process.stdout.write('(none)\n')
    return
  }
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)))
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  process.stdout.write(`${line(columns.map((c) => c.toUpperCase()))}\n`)
  for (const r of rows) process.stdout.write(`${line(columns.map((c) => r[c] ?? ''))}\n`)
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

/** The zone CLI output shows times in: --zone, else TZ, else the machine's zone. */
export function displayZone(flag: string | undefined): string {
  const zone = flag ?? process.env['TZ'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  return zone !== undefined && isValidTimeZone(zone) ? zone : 'UTC'
}

/** Formats an RFC 3339 time from the API as "Fri 2026-11-27 08:00" in the display zone. */
export function displayTime(rfc3339: string, zone: string): string {
  const at = parseInstant(rfc3339)
  if (at === null) return rfc3339
  const l = toLocal(at, zone)
  return `${l.weekday[0]?.toUpperCase()}${l.weekday.slice(1)} ${l.date} ${l.time}`
}

// `tend … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0)
  throw err
})

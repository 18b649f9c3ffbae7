const ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
const NAMES: Readonly<Record<string, string>> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' }

/**
 * "Mon–Fri 09:00–17:00": working days (runs of three or more joined with a dash) and local hours.
 * @example formatWorkingHours({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }) // "Mon–Fri 09:00–17:00"
 */
export function formatWorkingHours(hours: { readonly days: readonly string[]; readonly start: string; readonly end: string }): string {
  const idx = [...new Set(hours.days.map((d) => ORDER.indexOf(d as (typeof ORDER)[number])).filter((i) => i >= 0))].sort((a, b) => a - b)
  const runs: number[][] = []
  for (const i of idx) {
    const run = runs[runs.length - 1]
    if (run !== undefined && run[run.length - 1] === i - 1) run.push(i)
    else runs.push([i])
  }
  const name = (i: number) => NAMES[ORDER[i] ?? ''] ?? ''
  const days = runs.map((r) => (r.length >= 3 ? `${name(r[0] ?? 0)}–${name(r[r.length - 1] ?? 0)}` : r.map(name).join(', '))).join(', ')
  return `${days === '' ? 'No days' : days} ${hours.start}–${hours.end}`
}

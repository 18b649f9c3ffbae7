import { formatDuration } from '../../../lib/time'

/** "3 h", "2 d 4 h": a follow-up's age from the API's hours (the server's clock). */
export function formatAgeHours(hours: number): string {
  return formatDuration(hours * 3_600_000)
}

/** "9 days", "1 day", "5 h": how long the oldest open follow-up has waited, for the neglect warning. */
export function formatWait(hours: number): string {
  if (hours < 24) return `${Math.round(hours)} h`
  const days = Math.floor(hours / 24)
  return days === 1 ? '1 day' : `${days} days`
}

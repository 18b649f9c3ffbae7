import { getFile } from './raw-request'

/**
 * Fetches the time-in-lieu ledger over [from, to) as CSV (team admins) and hands it to the browser
 * as a download: the API needs the bearer token, so a plain link cannot fetch it.
 */
export async function downloadCompensation(teamId: string, range: { readonly from: string; readonly to: string }): Promise<string> {
  const query = new URLSearchParams(range).toString()
  const { blob, filename } = await getFile(`/teams/${encodeURIComponent(teamId)}/compensation.csv?${query}`)
  const name = filename ?? 'compensation.csv'
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  // Chromium reads the blob when the click is handled; give it a moment before letting go.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return name
}

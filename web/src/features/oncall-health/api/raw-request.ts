import { ApiError, type Problem } from '../../../lib/api-error'
import { readToken } from '../../../lib/token-storage'

// lib/api-client has no PUT and parses every answer as JSON; the settings need PUT and the
// compensation ledger is CSV. These two calls follow its conventions (bearer token, problem
// details as ApiError) until it grows `put` and a raw-body variant.

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const token = readToken()
  const headers: Record<string, string> = {}
  if (token !== null) headers['authorization'] = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
  } catch {
    throw new ApiError(0, { code: 'E_NETWORK', detail: 'Cannot reach the Tend server. Check your connection and try again.' })
  }
  if (!res.ok) {
    let problem: Problem = {}
    try {
      problem = (await res.json()) as Problem
    } catch {
      // Not problem details (a proxy's page, say): the status alone.
    }
    throw new ApiError(res.status, problem)
  }
  return res
}

/** PUTs JSON to the Tend API and returns the parsed answer. */
export async function putJson<T>(path: string, body: unknown): Promise<T> {
  return (await (await send('PUT', path, body)).json()) as T
}

/** GETs a file from the Tend API: its bytes and the name the server suggests (Content-Disposition). */
export async function getFile(path: string): Promise<{ readonly blob: Blob; readonly filename: string | null }> {
  const res = await send('GET', path)
  const disposition = res.headers.get('content-disposition') ?? ''
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? null
  return { blob: await res.blob(), filename }
}

import { ApiError, type Problem } from './api-error'
import { readToken } from './token-storage'

type QueryValue = string | number | boolean | null | undefined

interface RequestOptions {
  readonly query?: Readonly<Record<string, QueryValue>>
  readonly body?: unknown
  /** Sends this token instead of the saved one (used to check a token before saving it). */
  readonly token?: string
  readonly signal?: AbortSignal
}

const unauthorizedListeners = new Set<() => void>()

/** Calls `listener` when the saved token is rejected (revoked or expired), so the app can sign out. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener)
  return () => unauthorizedListeners.delete(listener)
}

function urlOf(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const qs = params.toString()
  return `/api/v1${path}${qs === '' ? '' : `?${qs}`}`
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const token = opts.token ?? readToken()
  const headers: Record<string, string> = { accept: 'application/json' }
  if (token !== null) headers['authorization'] = `Bearer ${token}`
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(urlOf(path, opts.query), {
      method,
      headers,
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    })
  } catch (cause) {
    if (opts.signal?.aborted === true) throw cause
    throw new ApiError(0, { code: 'E_NETWORK', detail: 'Cannot reach the Tend server. Check your connection and try again.' })
  }
  const text = await res.text()
  let parsed: unknown = undefined
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {
    // A proxy's HTML error page, say: report the status alone.
  }
  if (!res.ok) {
    if (res.status === 401 && opts.token === undefined) for (const listener of unauthorizedListeners) listener()
    throw new ApiError(res.status, typeof parsed === 'object' && parsed !== null ? (parsed as Problem) : {})
  }
  return parsed as T
}

/** The Tend API under /api/v1: adds the bearer token and turns problem details into `ApiError`s. */
export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
  delete: <T = void>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
}

import type { TestApp } from './app.js'

/** The API of a `tend serve` process the test started, called as `token` (or anonymously with null). */
export interface RemoteApi {
  readonly url: string
  call<T = any>(method: string, path: string, body?: unknown, token?: string | null): Promise<{ status: number; body: T; headers: Headers }>
}

/** A client for a running `tend serve`, with the same `call` shape as TestApp's. */
export function remoteApi(url: string, adminToken: string): RemoteApi {
  return {
    url,
    async call(method, path, body, token = adminToken) {
      const headers: Record<string, string> = {}
      if (token !== null) headers['authorization'] = `Bearer ${token}`
      if (body !== undefined) headers['content-type'] = 'application/json'
      const res = await fetch(`${url}${path}`, {
        method,
        headers,
        signal: AbortSignal.timeout(15_000),
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      })
      const text = await res.text()
      let parsed: unknown = text
      try {
        parsed = text === '' ? undefined : JSON.parse(text)
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed as any, headers: res.headers }
    },
  }
}

/**
 * Lets the factories (which only call the API) build data on a `tend serve` process. Anything
 * else a TestApp has (the in-process Tend, its clock) does not exist there and throws if touched.
 */
export function asFactoryApp(api: RemoteApi): TestApp {
  const absent = (what: string): never => {
    throw new Error(`${what} is not available on a separate tend serve process; factories may only use call()`)
  }
  return {
    url: api.url,
    call: api.call,
    get tend() {
      return absent('tend')
    },
    get clock() {
      return absent('clock')
    },
    get dialect() {
      return absent('dialect')
    },
    settle: async () => absent('settle()'),
    close: async () => absent('close()'),
  }
}

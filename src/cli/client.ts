import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

/** A CLI failure: printed as one readable message, with the process exit code to use. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = 1) {
    super(message)
    this.name = 'CliError'
  }
}

/** Exit code for usage errors (bad flags, missing arguments), as `tend deploy check` documents. */
export const EXIT_USAGE = 2

export interface Connection {
  readonly server: string
  readonly token: string | null
}

const credentialsPath = (): string => join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'tend', 'cli.json')

/** Where the CLI talks to: flags, then TEND_SERVER/TEND_TOKEN, then what `tend login` saved. */
export function resolveConnection(flags: { server?: string | undefined; token?: string | undefined }): Connection {
  const saved = readSaved()
  return {
    server: (flags.server ?? process.env['TEND_SERVER'] ?? saved.server ?? 'http://127.0.0.1:8080').replace(/\/$/, ''),
    token: flags.token ?? process.env['TEND_TOKEN'] ?? saved.token ?? null,
  }
}

function readSaved(): { server?: string; token?: string } {
  const path = credentialsPath()
  if (!existsSync(path)) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { server?: string; token?: string }
  } catch {
    return {}
  }
}

/** Saves the server and token for later commands (file mode 0600). */
export function saveConnection(c: Connection): string {
  const path = credentialsPath()
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, JSON.stringify({ server: c.server, token: c.token }, null, 2), { mode: 0o600 })
  return path
}

interface ProblemBody {
  title?: string
  detail?: string
  errors?: { field: string; reason: string }[]
}

/** Calls the Tend API and returns the parsed JSON; problem details become a readable CliError. */
export async function api<T>(conn: Connection, method: string, path: string, body?: unknown): Promise<T> {
  if (conn.token === null) {
    throw new CliError('No API token. Pass --token, set TEND_TOKEN, or run `tend login --server URL --token TOKEN`.', EXIT_USAGE)
  }
  let res: Response
  try {
    res = await fetch(`${conn.server}${path}`, {
      method,
      headers: { authorization: `Bearer ${conn.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    })
  } catch (err) {
    throw new CliError(`Cannot reach Tend at ${conn.server}: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}. Is \`tend serve\` running? Set --server or TEND_SERVER.`)
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  const parsed: unknown = text === '' ? undefined : safeJson(text)
  if (!res.ok) throw new CliError(describeProblem(res.status, parsed, text))
  return parsed as T
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function describeProblem(status: number, body: unknown, raw: string): string {
  if (typeof body !== 'object' || body === null) return `HTTP ${status}: ${raw.slice(0, 500)}`
  const p = body as ProblemBody
  const lines = [`${p.title ?? `HTTP ${status}`}: ${p.detail ?? ''}`.trim()]
  for (const e of p.errors ?? []) lines.push(`  - ${e.field}: ${e.reason}`)
  return lines.join('\n')
}

import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'

/**
 * Process configuration: flags beat environment variables, which beat the optional config file
 * (`--config` / `TEND_CONFIG`, YAML or JSON), which beats the defaults. Every key is validated
 * at start and every invalid one is reported at once, so an operator fixes them in one go.
 */
export interface ProcessConfig {
  readonly host: string
  readonly port: number
  readonly dataDir: string
  readonly databaseUrl: string
  readonly publicUrl: string
  readonly bootstrapToken: string | null
  readonly secretKey: string | null
  readonly logLevel: LogLevel
  readonly demo: boolean
  readonly engineTickMs: number
  readonly bodyLimitBytes: number
  readonly smtpUrl: string | null
  readonly smtpFrom: string
  readonly sendTimeoutMs: number
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

interface KeySpec {
  readonly key: keyof ProcessConfig
  readonly env: string
  readonly flag: string
  readonly help: string
  readonly secret?: boolean
}

/** The configuration keys; this table drives parsing, error messages and the config reference. */
export const CONFIG_KEYS: readonly KeySpec[] = [
  { key: 'host', env: 'TEND_HOST', flag: '--host', help: 'interface to listen on (default 127.0.0.1)' },
  { key: 'port', env: 'TEND_PORT', flag: '--port', help: 'TCP port (default 8080; 0 picks a free port)' },
  { key: 'dataDir', env: 'TEND_DATA_DIR', flag: '--data-dir', help: 'folder for the embedded database and keys (default ./data)' },
  { key: 'databaseUrl', env: 'TEND_DATABASE_URL', flag: '--database', help: 'postgres://… URL, or sqlite:PATH (default sqlite:<data-dir>/tend.db)', secret: true },
  { key: 'publicUrl', env: 'TEND_PUBLIC_URL', flag: '--public-url', help: 'URL people use to reach Tend, for links in messages (default http://host:port)' },
  { key: 'bootstrapToken', env: 'TEND_BOOTSTRAP_TOKEN', flag: '--bootstrap-token', help: 'first admin API token instead of a generated one (at least 20 characters)', secret: true },
  { key: 'secretKey', env: 'TEND_SECRET_KEY', flag: '--secret-key', help: '32-byte key (base64 or hex) sealing secrets at rest; default: generated into <data-dir>/secret.key', secret: true },
  { key: 'logLevel', env: 'TEND_LOG_LEVEL', flag: '--log-level', help: 'fatal, error, warn, info, debug, trace or silent (default info)' },
  { key: 'demo', env: 'TEND_DEMO', flag: '--demo', help: 'seed the demo team, services and schedules if absent' },
  { key: 'engineTickMs', env: 'TEND_ENGINE_TICK_MS', flag: '--engine-tick-ms', help: 'safety-net engine poll interval in ms (default 1000)' },
  { key: 'bodyLimitBytes', env: 'TEND_BODY_LIMIT_BYTES', flag: '--body-limit-bytes', help: 'largest accepted request body (default 524288)' },
  { key: 'smtpUrl', env: 'TEND_SMTP_URL', flag: '--smtp-url', help: 'SMTP server for email, e.g. smtp://user:pass@mail.example.com:587 (email is off when unset)', secret: true },
  { key: 'smtpFrom', env: 'TEND_SMTP_FROM', flag: '--smtp-from', help: 'sender address of emails (default "Tend <tend@localhost>")' },
  { key: 'sendTimeoutMs', env: 'TEND_SEND_TIMEOUT_MS', flag: '--send-timeout-ms', help: 'how long one delivery attempt may take (default 10000)' },
]

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/** A configuration problem: the key as the operator wrote it and what is wrong. */
export interface ConfigProblem {
  readonly source: string
  readonly reason: string
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p.source}: ${p.reason}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

export interface ConfigInputs {
  /** Flag values by config key, as given on the command line (strings or booleans). */
  readonly flags: Partial<Record<keyof ProcessConfig, string | boolean>>
  readonly env: Readonly<Record<string, string | undefined>>
  /** Path of the config file, from `--config` or `TEND_CONFIG`. */
  readonly configFile?: string | undefined
  readonly cwd: string
}

/** Loads and validates the process configuration, throwing a ConfigError that lists every problem. */
export function loadProcessConfig(inputs: ConfigInputs): ProcessConfig {
  const problems: ConfigProblem[] = []
  const file = readConfigFile(inputs, problems)
  if (file !== null) {
    for (const k of Object.keys(file)) {
      if (!CONFIG_KEYS.some((s) => s.key === k)) problems.push({ source: `${inputs.configFile}: ${k}`, reason: 'unknown key' })
    }
  }

  const find = (key: keyof ProcessConfig): { value: unknown; source: string } | undefined => {
    const spec = CONFIG_KEYS.find((s) => s.key === key)
    if (spec === undefined) throw new Error(`no config spec for ${key}`)
    const flag = inputs.flags[key]
    if (flag !== undefined) return { value: flag, source: spec.flag }
    const env = inputs.env[spec.env]
    if (env !== undefined && env !== '') return { value: env, source: spec.env }
    if (file !== null && key in file) return { value: file[key], source: `${inputs.configFile}: ${key}` }
    return undefined
  }
  const get = <T>(key: keyof ProcessConfig, parse: Parser<T>, fallback: T): T => {
    const found = find(key)
    if (found === undefined) return fallback
    const parsed = parse(found.value)
    if (parsed.ok) return parsed.value
    problems.push({ source: found.source, reason: parsed.reason })
    return fallback
  }

  const host = get('host', nonEmpty, '127.0.0.1')
  const port = get('port', intIn(0, 65535), 8080)
  const dataDir = resolve(inputs.cwd, get('dataDir', nonEmpty, 'data'))
  const databaseUrl = get('databaseUrl', databaseUrlParser(inputs.cwd), `sqlite:${resolve(dataDir, 'tend.db')}`)
  const publicUrl = get<string | null>('publicUrl', httpUrl, null)
  const config: ProcessConfig = {
    host,
    port,
    dataDir,
    databaseUrl,
    publicUrl: publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    bootstrapToken: get<string | null>('bootstrapToken', bootstrapTokenParser, null),
    secretKey: get<string | null>('secretKey', secretKeyParser, null),
    logLevel: get<LogLevel>('logLevel', oneOf(LOG_LEVELS), 'info'),
    demo: get('demo', bool, false),
    engineTickMs: get('engineTickMs', intIn(10, 60_000), 1000),
    bodyLimitBytes: get('bodyLimitBytes', intIn(1024, 50 * 1024 * 1024), 512 * 1024),
    smtpUrl: get<string | null>('smtpUrl', smtpUrl, null),
    smtpFrom: get('smtpFrom', nonEmpty, 'Tend <tend@localhost>'),
    sendTimeoutMs: get('sendTimeoutMs', intIn(100, 120_000), 10_000),
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return Object.freeze(config)
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }
type Parser<T> = (v: unknown) => Parsed<T>
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason })

const nonEmpty: Parser<string> = (v) => (typeof v === 'string' && v.trim() !== '' ? ok(v) : bad('must not be empty'))

function intIn(min: number, max: number): Parser<number> {
  return (v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN
    return Number.isInteger(n) && n >= min && n <= max ? ok(n) : bad(`must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`)
  }
}

function oneOf<T extends string>(values: readonly T[]): Parser<T> {
  return (v) => ((values as readonly unknown[]).includes(v) ? ok(v as T) : bad(`must be one of ${values.join(', ')}, got ${JSON.stringify(v)}`))
}

const bool: Parser<boolean> = (v) => {
  if (typeof v === 'boolean') return ok(v)
  const s = String(v).toLowerCase()
  if (['1', 'true', 'yes', 'on'].includes(s)) return ok(true)
  if (['0', 'false', 'no', 'off'].includes(s)) return ok(false)
  return bad(`must be true or false, got ${JSON.stringify(v)}`)
}

const httpUrl: Parser<string | null> = (v) => {
  if (typeof v !== 'string') return bad('must be an http(s) URL')
  try {
    const u = new URL(v)
    if (u.protocol === 'http:' || u.protocol === 'https:') return ok(v.replace(/\/$/, ''))
  } catch {
    // reported below
  }
  return bad(`must be an http(s) URL, got ${JSON.stringify(v)}`)
}

function databaseUrlParser(cwd: string): Parser<string> {
  return (v) => {
    if (typeof v !== 'string' || v === '' || v === 'sqlite:') return bad('must be a postgres://… URL or sqlite:PATH')
    if (/^postgres(ql)?:\/\//.test(v)) {
      try {
        new URL(v)
        return ok(v)
      } catch {
        return bad('is not a valid postgres:// URL')
      }
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return bad(`must be a postgres://… URL or sqlite:PATH, got a ${v.split(':')[0]} URL`)
    const path = v.startsWith('sqlite:') ? v.slice('sqlite:'.length) : v
    return ok(path === ':memory:' ? 'sqlite::memory:' : `sqlite:${resolve(cwd, path)}`)
  }
}

const smtpUrl: Parser<string | null> = (v) => {
  if (typeof v !== 'string') return bad('must be an smtp:// or smtps:// URL')
  try {
    const u = new URL(v)
    if (u.protocol === 'smtp:' || u.protocol === 'smtps:') return ok(v)
  } catch {
    // reported below
  }
  return bad('must be an smtp:// or smtps:// URL, e.g. smtp://mail.example.com:587')
}

const bootstrapTokenParser: Parser<string | null> = (v) =>
  typeof v === 'string' && v.length >= 20 && /^[\x21-\x7e]+$/.test(v)
    ? ok(v)
    : bad('must be at least 20 printable characters without spaces')

const secretKeyParser: Parser<string | null> = (v) => {
  if (typeof v !== 'string') return bad('must be 32 bytes as base64 or hex')
  if (/^[0-9a-f]{64}$/i.test(v)) return ok(v)
  if (/^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, 'base64').length === 32) return ok(v)
  return bad('must be 32 bytes as base64 (44 characters) or hex (64 characters)')
}

function readConfigFile(inputs: ConfigInputs, problems: ConfigProblem[]): Record<string, unknown> | null {
  const path = inputs.configFile
  if (path === undefined || path === '') return null
  const full = resolve(inputs.cwd, path)
  if (!existsSync(full)) {
    problems.push({ source: '--config', reason: `file ${full} does not exist` })
    return null
  }
  try {
    const parsed: unknown = parseYaml(readFileSync(full, 'utf8'))
    if (parsed === null || parsed === undefined) return {}
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      problems.push({ source: path, reason: 'must be a mapping of keys to values' })
      return null
    }
    return parsed as Record<string, unknown>
  } catch (err) {
    problems.push({ source: path, reason: `cannot be parsed: ${(err as Error).message}` })
    return null
  }
}

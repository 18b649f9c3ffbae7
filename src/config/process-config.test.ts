import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadProcessConfig } from './process-config.js'

const load = (flags = {}, env = {}, configFile?: string) => loadProcessConfig({ flags, env, configFile, cwd: '/srv/tend' })

function problemsOf(fn: () => unknown): string[] {
  try {
    fn()
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.map((p) => `${p.source}: ${p.reason}`)
    throw err
  }
  throw new Error('expected a ConfigError')
}

describe('process configuration', () => {
  it('defaults to loopback, port 8080 and SQLite in ./data', () => {
    const c = load()
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8080, dataDir: '/srv/tend/data', databaseUrl: 'sqlite:/srv/tend/data/tend.db', publicUrl: 'http://127.0.0.1:8080', logLevel: 'info', demo: false })
  })

  it('takes flags over environment over file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tend-config-'))
    const file = join(dir, 'tend.yaml')
    writeFileSync(file, 'port: 7000\nhost: 0.0.0.0\nlogLevel: debug\n')
    const c = load({ port: '9000' }, { TEND_HOST: '127.0.0.2' }, file)
    expect(c.port).toBe(9000)
    expect(c.host).toBe('127.0.0.2')
    expect(c.logLevel).toBe('debug')
  })

  it('reads the stable environment names', () => {
    const c = load({}, { TEND_PORT: '8181', TEND_DATA_DIR: '/var/lib/tend', TEND_DATABASE_URL: 'postgres://tend@db:5432/tend', TEND_BOOTSTRAP_TOKEN: 'abcdefghijklmnopqrstuvwxyz' })
    expect(c).toMatchObject({ port: 8181, dataDir: '/var/lib/tend', databaseUrl: 'postgres://tend@db:5432/tend', bootstrapToken: 'abcdefghijklmnopqrstuvwxyz' })
  })

  it('resolves sqlite paths against the working folder', () => {
    expect(load({ databaseUrl: 'sqlite:db/x.db' }).databaseUrl).toBe('sqlite:/srv/tend/db/x.db')
    expect(load({ databaseUrl: 'other.db' }).databaseUrl).toBe('sqlite:/srv/tend/other.db')
  })

  it('lists every invalid key at once, named as the operator wrote it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tend-config-'))
    const file = join(dir, 'tend.yaml')
    writeFileSync(file, 'prot: 1\n')
    const problems = problemsOf(() => load({ port: '99999' }, { TEND_LOG_LEVEL: 'loud', TEND_DATABASE_URL: 'mysql://db', TEND_BOOTSTRAP_TOKEN: 'short', TEND_SECRET_KEY: 'nope', TEND_PUBLIC_URL: 'ftp://x' }, file))
    expect(problems).toEqual(
      expect.arrayContaining([
        `${file}: prot: unknown key`,
        '--port: must be an integer from 0 to 65535, got "99999"',
        'TEND_LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
        'TEND_DATABASE_URL: must be a postgres://… URL or sqlite:PATH, got a mysql URL',
        'TEND_BOOTSTRAP_TOKEN: must be at least 20 printable characters without spaces',
        'TEND_SECRET_KEY: must be 32 bytes as base64 (44 characters) or hex (64 characters)',
        'TEND_PUBLIC_URL: must be an http(s) URL, got "ftp://x"',
      ]),
    )
    expect(problems).toHaveLength(7)
  })

  it('reports a missing or malformed config file', () => {
    expect(problemsOf(() => load({}, {}, '/nope/tend.yaml'))[0]).toContain('does not exist')
    const dir = mkdtempSync(join(tmpdir(), 'tend-config-'))
    writeFileSync(join(dir, 'bad.yaml'), '- just\n- a list\n')
    expect(problemsOf(() => load({}, {}, join(dir, 'bad.yaml')))[0]).toContain('must be a mapping')
  })
})

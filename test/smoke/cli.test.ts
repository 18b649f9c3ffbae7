import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireBuild, runTend, startTendServe, type RunningServer } from '../harness/cli.js'

describe('tend CLI on a fresh data folder', { timeout: 90_000 }, () => {
  let dir: string
  let server: RunningServer
  let token: string

  beforeAll(async () => {
    requireBuild()
    dir = mkdtempSync(join(tmpdir(), 'tend-cli-'))
    server = await startTendServe(['--data-dir', join(dir, 'data'), '--demo'], { cwd: dir, env: { TEND_BOOTSTRAP_TOKEN: '', XDG_CONFIG_HOME: join(dir, 'config') } })
    const m = /First admin API token \(shown once, store it now\): (\S+)/.exec(server.banner)
    if (m?.[1] === undefined) throw new Error(`no token in banner:\n${server.banner}`)
    token = m[1]
  })

  afterAll(async () => {
    if (server !== undefined && server.child.exitCode === null) await server.stop('SIGKILL')
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  })

  const tend = (...args: string[]) => runTend(['--server', server.url, '--token', token, ...args], { env: { XDG_CONFIG_HOME: join(dir, 'config') } })

  it('prints the URL, the database and a first admin token', () => {
    expect(server.banner).toContain('Tend is running at http://127.0.0.1:')
    expect(server.banner).toContain(`sqlite:${join(dir, 'data', 'tend.db')}`)
    expect(token).toMatch(/^tend_pat_[0-9A-Za-z]{32}$/)
  })

  it('`tend oncall --schedule X` prints who is on call', async () => {
    const res = await tend('oncall', '--schedule', 'Checkout primary (demo)')
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/SCHEDULE\s+ON CALL\s+VIA\s+UNTIL\s+NEXT/)
    expect(res.stdout).toMatch(/Checkout primary \(demo\)\s+(Lena Fischer|Jonas Becker|Amira Haddad|Maya Johnson|Carlos Rivera) </)
  })

  it('prints JSON for scripts and an actionable error for an unknown schedule', async () => {
    const json = await tend('--json', 'oncall', '--schedule', 'Checkout primary (demo)')
    expect(JSON.parse(json.stdout)[0].shift.user.email).toMatch(/@demo\.tend\.localhost$/)
    const missing = await tend('oncall', '--schedule', 'No such schedule')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('schedule No such schedule does not exist')
  })

  it('creates a team, a person and a service from the CLI', async () => {
    expect((await tend('teams', 'create', '--name', 'Search', '--time-zone', 'Asia/Kolkata')).code).toBe(0)
    const user = await tend('users', 'create', '--name', 'Priya Nair', '--email', 'priya@example.test', '--time-zone', 'Asia/Kolkata')
    expect(user.stdout).toContain('Created Priya Nair <priya@example.test>')
    expect((await tend('teams', 'add-member', '--team', 'Search', '--user', 'priya@example.test', '--role', 'admin')).stdout).toContain('Priya Nair is now admin of Search')
    const svc = await tend('services', 'create', '--name', 'search-api', '--team', 'Search', '--depends-on', 'ledger-db (demo)')
    expect(svc.code).toBe(0)
    const list = await tend('services', 'list')
    expect(list.stdout).toMatch(/search-api\s+Search\s+ledger-db \(demo\)/)
    const bad = await tend('users', 'create', '--name', 'Bad', '--email', 'bad@example.test', '--time-zone', 'Mars/Base')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('timeZone: unknown time zone "Mars/Base"')
  })

  it('pages a team, lists, acknowledges and resolves the alert from the CLI', async () => {
    const paged = await tend('page', '--team', 'Checkout (demo)', '--summary', 'Customer reports failed card payments', '--details', 'ticket SUP-77')
    expect(paged.stderr).toBe('')
    const id = /Paged: alert (\S+) on Checkout \(demo\) — direct pages \(high urgency\)/.exec(paged.stdout)?.[1]
    expect(id).toBeDefined()
    expect((await tend('alerts', 'list')).stdout).toContain('Customer reports failed card payments')
    expect((await tend('ack', id ?? '')).stdout).toContain('Acknowledged: Customer reports failed card payments')
    expect((await tend('resolve', id ?? '', '--outcome', 'actionable', '--note', 'card processor outage')).stdout).toContain('(actionable)')
    const shown = await tend('alerts', 'show', id ?? '')
    expect(shown.stdout).toMatch(/resolved · high urgency/)
    expect(shown.stdout).toContain('Resolved by admin@tend.localhost as actionable: card processor outage')
    const bad = await tend('page', '--summary', 'nowhere')
    expect(bad.code).toBe(2)
  })

  it('opens, lists, shows and ends a maintenance window from the CLI', async () => {
    const started = await tend('maintenance', 'start', '--service', 'payments-api (demo)', '--for', '45m', '--reason', 'payment provider failover test')
    expect(started.stderr).toBe('')
    const id = /Maintenance window (\S+) is open until/.exec(started.stdout)?.[1]
    expect(id).toBeDefined()
    expect((await tend('maintenance', 'list', '--open')).stdout).toMatch(/active\s+.*payment provider failover test/)
    expect((await tend('maintenance', 'show', id ?? '')).stdout).toContain('It held nothing.')
    expect((await tend('maintenance', 'end', id ?? '')).stdout).toContain('ended; alerts it held that are still open page now')
    const again = await tend('maintenance', 'end', id ?? '')
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('has already ended')
    const bad = await tend('maintenance', 'start', '--service', 'payments-api (demo)', '--for', 'soon', '--reason', 'x')
    expect(bad.stderr).toContain('not a duration: soon')
  })

  it('answers usage errors with exit code 2', async () => {
    const res = await runTend(['oncall', '--schedule', 'a', '--team', 'b', '--token', 'x'.repeat(30)])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('at most one of')
    expect((await runTend(['no-such-command'])).code).toBe(2)
  })

  it('shuts down gracefully on SIGTERM and the demo is removable with one command', async () => {
    expect(await server.stop('SIGTERM')).toBe(0)
    const removed = await runTend(['demo', 'remove', '--data-dir', join(dir, 'data')])
    expect(removed.code).toBe(0)
    expect(removed.stdout).toContain('Removed the demo data')
    const again = await runTend(['demo', 'remove', '--data-dir', join(dir, 'data')])
    expect(again.stdout).toContain('No demo data to remove')
  })
})

describe('tend serve configuration errors', () => {
  it('lists every invalid key at once and exits with 2', async () => {
    requireBuild()
    const res = await runTend(['serve', '--port', 'eighty', '--data-dir', join(tmpdir(), 'never-used')], { env: { TEND_LOG_LEVEL: 'chatty', TEND_DATABASE_URL: 'mysql://x' } })
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('--port: must be an integer from 0 to 65535, got "eighty"')
    expect(res.stderr).toContain('TEND_LOG_LEVEL: must be one of')
    expect(res.stderr).toContain('TEND_DATABASE_URL: must be a postgres://… URL or sqlite:PATH')
  })
})

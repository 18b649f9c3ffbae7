import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../harness/app.js'
import { requireBuild, runTend, startTendServe, type RunningServer } from '../harness/cli.js'
import { buildPagedPerson, buildSchedule, buildService, buildTeam, weeklyLayer } from '../harness/factories.js'

const TOKEN = 'tend_pat_cli_deploy_gate_token_0123456789'

/** `tend deploy check` as a CI pipeline runs it, against a real `tend serve` (kept small: each call is a process). */
describe('tend deploy check (exit codes 0 allowed, 3 denied, 2 usage error)', () => {
  let dir: string
  let server: RunningServer

  beforeAll(async () => {
    requireBuild()
    dir = mkdtempSync(join(tmpdir(), 'tend-deploy-cli-'))
    server = await startTendServe(['--data-dir', join(dir, 'data')], { cwd: dir, env: { TEND_BOOTSTRAP_TOKEN: TOKEN, XDG_CONFIG_HOME: join(dir, 'config') } })
    // The factories only need `call`: point them at the real server.
    const remote = {
      async call(method: string, path: string, body?: unknown) {
        const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
        const text = await res.text()
        return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers: res.headers }
      },
    } as unknown as TestApp
    const team = await buildTeam(remote, { name: 'Checkout', timeZone: 'Europe/Berlin' })
    const ana = await buildPagedPerson(remote, 'http://127.0.0.1:9/pager', { name: 'Ana' })
    await buildSchedule(remote, team.id, [weeklyLayer([ana.id], '2026-01-05T08:00:00Z')])
    await buildService(remote, team.id, { name: 'checkout-api' })
    const policy = await remote.call('PUT', `/api/v1/teams/${team.id}/deploy-policy`, { windows: [{ days: ['mon', 'tue', 'wed', 'thu'], start: '09:00', end: '17:00' }] })
    expect(policy.status).toBe(200)
  })

  afterAll(async () => {
    if (server !== undefined && server.child.exitCode === null) await server.stop('SIGKILL')
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  })

  const tend = (...args: string[]) => runTend(['--server', server.url, '--token', TOKEN, ...args], { env: { XDG_CONFIG_HOME: join(dir, 'config') } })

  it('exits 0 inside the window', async () => {
    const res = await tend('deploy', 'check', '--service', 'checkout-api', '--at', '2027-03-02T09:30:00+01:00')
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('ALLOWED: checkout-api may deploy at Tue 2027-03-02 09:30 Europe/Berlin')
  })

  it('exits 3 on Friday night, printing every reason and the next allowed time', async () => {
    const res = await tend('deploy', 'check', '--service', 'checkout-api', '--at', '2027-03-05T22:00:00+01:00')
    expect(res.code).toBe(3)
    expect(res.stdout).toContain('DENIED: checkout-api may not deploy at Fri 2027-03-05 22:00 Europe/Berlin')
    expect(res.stdout).toContain('✗ WINDOW_CLOSED: deploy window closed until Mon 09:00 Europe/Berlin')
    expect(res.stdout).toContain('✗ SUPPORT_TAIL:')
    expect(res.stdout).toContain('✗ ONCALL_ASLEEP: Ana would be in their sleep hours')
    expect(res.stdout).toContain('Next allowed time: Mon 2027-03-08 09:00 Europe/Berlin')
    expect(res.stderr).toContain('the deploy gate denies this deploy')
    const json = await tend('--json', 'deploy', 'check', '--service', 'checkout-api', '--at', '2027-03-05T22:00:00+01:00', '--rollback')
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toMatchObject({ allowed: true, kind: 'rollback', reasons: expect.arrayContaining([expect.objectContaining({ code: 'WINDOW_CLOSED', effect: 'warn' })]) })
  })

  it('exits 2 on usage errors: a missing flag, a bad time, an unknown service', async () => {
    expect((await tend('deploy', 'check')).code).toBe(2)
    const badTime = await tend('deploy', 'check', '--service', 'checkout-api', '--at', 'friday night')
    expect(badTime.code).toBe(2)
    expect(badTime.stderr).toContain('--at must be an RFC 3339 time')
    const unknown = await tend('deploy', 'check', '--service', 'no-such-service')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('service no-such-service does not exist')
  })
})

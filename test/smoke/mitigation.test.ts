import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../harness/app.js'
import { requireBuild, TEND_BIN } from '../harness/cli.js'
import { addMember, buildPagedPerson, buildPagedService, buildTeam, pdTrigger } from '../harness/factories.js'
import { WebhookReceiver } from '../harness/receivers.js'
import { DIALECTS } from '../harness/storage.js'

const MIN = 60_000

/** Runs engine cycles until `done` holds (bounded): the agent works in real time, the server's clock stands still. */
async function until(app: TestApp, done: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    await app.tend.engine.runOnce()
    if (await done()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

function startAgent(configPath: string): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TEND_BIN, 'agent', '--config', configPath], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const timer = setTimeout(() => reject(new Error(`agent did not connect:\n${out}`)), 15_000)
    const onData = (d: Buffer) => {
      out += d.toString()
      if (out.includes('connected to')) {
        clearTimeout(timer)
        resolve({ child, output: () => out })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (code) => reject(new Error(`agent exited (${code}):\n${out}`)))
  })
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: automatic mitigation that is never silent`, () => {
    let app: TestApp
    let hooks: WebhookReceiver
    let hookUrl: string
    let dir: string
    let agent: { child: ChildProcess; output: () => string } | null = null
    let team: { id: string }
    let person: { id: string }
    let svc: { serviceId: string; key: string }
    let agentId: string

    beforeAll(async () => {
      requireBuild()
      hooks = new WebhookReceiver()
      hookUrl = await hooks.start()
      // Tuesday 02:00 in Berlin.
      app = await startTestApp(dialect, { now: '2026-11-24T01:00:00Z' })
      team = await buildTeam(app, { timeZone: 'Europe/Berlin' })
      person = await buildPagedPerson(app, hookUrl, { name: 'Ana', timeZone: 'Europe/Berlin' })
      await addMember(app, team.id, person.id, 'admin')
      svc = await buildPagedService(app, team.id, [{ targets: [{ type: 'user', id: person.id }], delayMinutes: 5 }])
      const registered = await app.call('POST', `/api/v1/teams/${team.id}/agents`, { name: 'api-host-1' })
      expect(registered.status).toBe(201)
      agentId = registered.body.agent.id
      dir = mkdtempSync(join(tmpdir(), 'tend-agent-'))
      // The allow-listed "restart" makes the alert's source report recovery, as a restarted service would.
      writeFileSync(
        join(dir, 'restart.mjs'),
        `const res = await fetch(process.env.TEND_URL + '/v2/enqueue', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ routing_key: process.env.KEY, event_action: 'resolve', dedup_key: process.env.DEDUP }) })\nconsole.log('restarted api; tend said', res.status)\n`,
      )
      const env = `TEND_URL=${app.url} KEY=${svc.key} DEDUP=oom-api-1`
      writeFileSync(
        join(dir, 'agent.yaml'),
        [
          `server: ${app.url}`,
          `token: ${registered.body.token}`,
          'name: api-host-1',
          'commands:',
          `  restart-api: ${JSON.stringify(`${env} ${process.execPath} ${join(dir, 'restart.mjs')}`)}`,
          `  flush-cache: ${JSON.stringify('echo "cache flush failed: disk full" >&2; exit 3')}`,
        ].join('\n'),
      )
      agent = await startAgent(join(dir, 'agent.yaml'))
    })

    afterAll(async () => {
      agent?.child.kill('SIGTERM')
      await app?.close()
      await hooks?.stop()
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
    })

    // Pages for one service within five minutes are bundled: keep each case's page its own.
    beforeEach(() => app.clock.advance(6 * MIN))

    const pages = () => hooks.requests.filter((r) => r.path === `/${person.id}` && r.json?.kind === 'alert')
    async function rule(body: Record<string, unknown>): Promise<string> {
      const res = await app.call('POST', `/api/v1/services/${svc.serviceId}/mitigation-rules`, { dryRun: false, ...body })
      expect(res.status).toBe(201)
      return res.body.id as string
    }
    async function runOf(alertDedup: string) {
      const alerts = (await app.call('GET', `/api/v1/alerts?serviceId=${svc.serviceId}`)).body.items as { id: string; dedupKey: string }[]
      const alert = alerts.find((a) => a.dedupKey === alertDedup)
      if (alert === undefined) return null
      const runs = (await app.call('GET', `/api/v1/mitigation-runs?alertId=${alert.id}`)).body.items as { status: string; resultText: string | null }[]
      return { alertId: alert.id, run: runs[0] ?? null }
    }

    it('OOM at 02:00: the agent restarts, the alert clears, nobody is paged, and a follow-up is due at 09:00', async () => {
      const ruleId = await rule({ name: 'Restart api on OOM', match: { summaryPattern: 'OOM|out of memory' }, action: { type: 'agent', agentId, command: 'restart-api', timeoutSeconds: 30 } })
      await app.call('POST', '/v2/enqueue', pdTrigger(svc.key, 'api-1 OOMKilled', { dedup_key: 'oom-api-1' }), null)
      await until(app, async () => (await runOf('oom-api-1'))?.run?.status === 'succeeded', 'the mitigation to succeed')
      const found = await runOf('oom-api-1')
      expect(found?.run?.resultText).toContain('restarted api')
      const detail = await app.call('GET', `/api/v1/alerts/${found?.alertId}`)
      expect(detail.body.alert.status).toBe('resolved')
      expect(detail.body.timeline.map((e: { message: string }) => e.message).join('\n')).toContain('Auto-mitigated by "Restart api on OOM": nobody was paged')
      expect(pages()).toHaveLength(0)
      const followUps = (await app.call('GET', `/api/v1/follow-ups?teamId=${team.id}`)).body.items
      expect(followUps).toHaveLength(1)
      expect(followUps[0]).toMatchObject({ dueAt: '2026-11-24T08:00:00.000Z', status: 'open', kind: 'mitigation' })
      expect(followUps[0].body).toContain('agent command "restart-api"')
      // The follow-up reaches the team's people as low urgency, in their working hours only.
      const notice = await app.tend.storage.db.selectFrom('notifications').select(['not_before', 'urgency', 'interrupting']).where('kind', '=', 'notice').executeTakeFirst()
      expect(notice).toMatchObject({ not_before: Date.parse('2026-11-24T08:00:00Z'), urgency: 'low', interrupting: 0 })
      const closeEmpty = await app.call('POST', `/api/v1/follow-ups/${followUps[0].id}/close`, { note: '' })
      expect(closeEmpty.status).toBe(400)
      const closed = await app.call('POST', `/api/v1/follow-ups/${followUps[0].id}/close`, { note: 'memory leak in the image resizer; fixed in v1.43' })
      expect(closed.body.status).toBe('closed')
      const report = await app.call('GET', `/api/v1/mitigation-rules/${ruleId}/report`)
      expect(report.body).toMatchObject({ runs: 1, succeeded: 1, keptFromPaging: 1, followUps: { open: 0, closed: 1 } })
      // The team's weekly report lists it as engineering work to schedule.
      const weekly = await app.call('GET', `/api/v1/teams/${team.id}/oncall-report?week=2026-W48`)
      expect(weekly.body.text).toContain('Auto-mitigated problems (engineering work to schedule')
      expect(weekly.body.text).toMatch(/- svc-\S+: "Restart api on OOM" ran 1 time/)
      await app.call('PATCH', `/api/v1/mitigation-rules/${ruleId}`, { paused: true })
    })

    it('an agent asked for a command outside its allow-list refuses, and Tend pages a human', async () => {
      const ruleId = await rule({ name: 'Reboot', match: { summaryPattern: 'kernel panic' }, action: { type: 'agent', agentId, command: 'reboot-host', timeoutSeconds: 30 } })
      await app.call('POST', '/v2/enqueue', pdTrigger(svc.key, 'db-2 kernel panic', { dedup_key: 'panic-db-2' }), null)
      await until(app, async () => pages().some((p) => p.json.alert.dedupKey === 'panic-db-2'), 'the page after the refusal')
      expect((await runOf('panic-db-2'))?.run?.status).toBe('refused')
      const page = pages().find((p) => p.json.alert.dedupKey === 'panic-db-2')
      expect(page?.json.text).toContain('refused')
      expect(page?.json.text).toContain('reboot-host')
      await app.call('PATCH', `/api/v1/mitigation-rules/${ruleId}`, { paused: true })
    })

    it('an action that fails pages a human within one engine tick, saying what it returned', async () => {
      const ruleId = await rule({ name: 'Flush cache', match: { summaryPattern: 'cache' }, action: { type: 'agent', agentId, command: 'flush-cache', timeoutSeconds: 30 } })
      await app.call('POST', '/v2/enqueue', pdTrigger(svc.key, 'cache hit rate collapsed', { dedup_key: 'cache-1' }), null)
      const job = () => app.tend.storage.db.selectFrom('agent_jobs').select('status').where('command', '=', 'flush-cache').executeTakeFirst()
      await until(app, async () => (await job()) !== undefined, 'the job to be queued')
      // The agent runs the command and reports on its own; the engine is not cycled meanwhile.
      for (let i = 0; i < 100 && (await job())?.status !== 'failed'; i++) await new Promise((r) => setTimeout(r, 100))
      expect((await job())?.status).toBe('failed')
      const before = pages().length
      await app.tend.engine.runOnce()
      expect(pages()).toHaveLength(before + 1)
      const page = pages().at(-1)
      expect(page?.json.alert.dedupKey).toBe('cache-1')
      expect(page?.json.text).toContain('exited with 3')
      expect(page?.json.text).toContain('disk full')
      await app.call('PATCH', `/api/v1/mitigation-rules/${ruleId}`, { paused: true })
    })

    it('the fourth trigger within the hour is a loop: Tend stops mitigating and pages a human', async () => {
      const api = new WebhookReceiver()
      const apiUrl = await api.start()
      try {
        const ruleId = await rule({ name: 'Recycle worker', match: { summaryPattern: 'worker stuck' }, action: { type: 'http', method: 'POST', url: `${apiUrl}/recycle/{{alert.source}}`, body: { why: '{{alert.summary}}' }, timeoutSeconds: 5 }, verifyMinutes: 5 })
        for (let i = 1; i <= 3; i++) {
          await app.call('POST', '/v2/enqueue', pdTrigger(svc.key, 'worker stuck', { dedup_key: 'worker-1' }), null)
          await app.settle()
          await app.call('POST', '/v2/enqueue', { routing_key: svc.key, event_action: 'resolve', dedup_key: 'worker-1' }, null)
          await app.settle()
          app.clock.advance(10 * MIN)
        }
        expect(api.requests.map((r) => [r.path, r.json.why])).toEqual([
          ['/recycle/db-1.prod', 'worker stuck'],
          ['/recycle/db-1.prod', 'worker stuck'],
          ['/recycle/db-1.prod', 'worker stuck'],
        ])
        expect(pages().filter((p) => p.json.alert.dedupKey === 'worker-1')).toHaveLength(0)
        await app.call('POST', '/v2/enqueue', pdTrigger(svc.key, 'worker stuck', { dedup_key: 'worker-1' }), null)
        await app.settle()
        expect(api.requests).toHaveLength(3)
        const page = pages().find((p) => p.json.alert.dedupKey === 'worker-1')
        expect(page?.json.text).toContain('Mitigation is looping')
        const report = await app.call('GET', `/api/v1/mitigation-rules/${ruleId}/report`)
        expect(report.body.byStatus).toMatchObject({ succeeded: 3, looping: 1 })
        await app.call('PATCH', `/api/v1/mitigation-rules/${ruleId}`, { paused: true })
      } finally {
        await api.stop()
      }
    })

    it('with the agent gone, the job times out and the alert escalates normally', async () => {
      const stopped = new Promise((resolve) => agent?.child.once('exit', resolve))
      agent?.child.kill('SIGTERM')
      await stopped
      agent = null
      await rule({ name: 'Restart on hang', match: { summaryPattern: 'hang' }, action: { type: 'agent', agentId, command: 'restart-api', timeoutSeconds: 30 } })
      await app.call('POST', '/v2/enqueue', pdTrigger(svc.key, 'api-3 hang', { dedup_key: 'hang-3' }), null)
      await app.settle()
      expect(pages().some((p) => p.json.alert.dedupKey === 'hang-3')).toBe(false)
      app.clock.advance(91_000) // past the 30 s timeout and the 60 s claim grace
      await app.settle()
      expect((await runOf('hang-3'))?.run?.status).toBe('timed_out')
      const page = pages().find((p) => p.json.alert.dedupKey === 'hang-3')
      expect(page?.json.text).toContain('no agent picked up')
    })

    it('a dry-run rule records what it would have done and pages as usual', async () => {
      const res = await app.call('POST', `/api/v1/services/${svc.serviceId}/mitigation-rules`, { name: 'Maybe restart', match: { summaryPattern: 'latency' }, action: { type: 'http', url: 'https://orchestrator.invalid/restart', timeoutSeconds: 5 } })
      expect(res.body.dryRun).toBe(true)
      await app.call('POST', '/v2/enqueue', pdTrigger(svc.key, 'p99 latency high', { dedup_key: 'lat-1' }), null)
      await app.settle()
      expect((await runOf('lat-1'))?.run?.status).toBe('dry_run')
      expect(pages().some((p) => p.json.alert.dedupKey === 'lat-1')).toBe(true)
      const bad = await app.call('POST', `/api/v1/services/${svc.serviceId}/mitigation-rules`, { name: 'x', match: {}, action: { type: 'agent', command: 'rm -rf /' } })
      expect(bad.status).toBe(400)
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['match', 'action.agentId', 'action.command']))
    })
  })
}

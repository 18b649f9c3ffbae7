import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../../test/harness/app.js'
import { WebhookReceiver } from '../../test/harness/receivers.js'
import { launchChromium, requireUiAndChromium, SCREENSHOTS, textOf } from './support.js'

// Automatic mitigation end to end in headless Chromium. It is 02:00 on a Tuesday in Berlin (the
// demo team's zone, and the browser's): a rule made in the UI restarts the API through a real
// HTTP receiver, the alert clears, nobody is paged, and a follow-up waits for 09:00. The server's
// clock stands still unless the test moves it; the engine runs when the test says so.
const NOW = '2026-11-24T01:00:00Z'
const DAY = 86_400_000
const SERVICE = 'payments-api (demo)'
const TEAM = 'Checkout (demo)'
const RULE = 'Restart payments-api on OOM'
const AGENT_RULE = 'Flush the ledger cache'
const OOM = 'payments-api-1 OOMKilled'

interface ApiRule {
  readonly id: string
  readonly name: string
  readonly dryRun: boolean
  readonly paused: boolean
  readonly match: Record<string, unknown>
  readonly action: Record<string, unknown>
  readonly verifyMinutes: number
}


describe('mitigation in headless Chromium', () => {
  let app: TestApp | undefined
  let browser: Browser | undefined
  let page: Page
  let receiver: WebhookReceiver
  let receiverUrl: string
  let serviceId: string
  let teamId: string
  let routingKey: string

  const call = async <T>(method: string, path: string, body?: unknown, token?: string | null) => {
    if (app === undefined) throw new Error('the test app did not start')
    return app.call<T>(method, path, body, token)
  }
  /** Sends an event as the alert's source would (PagerDuty Events API v2). */
  const enqueue = async (action: 'trigger' | 'resolve', dedupKey: string, summary = '') => {
    const res = await fetch(`${app?.url ?? ''}/v2/enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ routing_key: routingKey, event_action: action, dedup_key: dedupKey, ...(action === 'trigger' ? { payload: { summary, source: 'payments-api-1', severity: 'critical' } } : {}) }),
    })
    expect(res.status).toBe(202)
  }
  const settle = async (times = 2) => {
    for (let i = 0; i < times; i++) await app?.settle()
  }
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage })
  const nav = () => page.getByRole('navigation', { name: 'Main' })
  const ruleCard = (name: string) => page.getByRole('article', { name })

  beforeAll(async () => {
    requireUiAndChromium()
    receiver = new WebhookReceiver()
    receiverUrl = await receiver.start()
    app = await startTestApp('sqlite', { demo: true, now: NOW })

    const services = await call<{ items: { id: string; name: string; teamId: string }[] }>('GET', '/api/v1/services')
    const service = services.body.items.find((s) => s.name === SERVICE)
    expect(service, SERVICE).toBeDefined()
    serviceId = service?.id ?? ''
    teamId = service?.teamId ?? ''
    const integration = await call<{ key: string }>('POST', `/api/v1/services/${serviceId}/integrations`, { name: 'e2e monitoring' })
    expect(integration.status).toBe(201)
    routingKey = integration.body.key

    browser = await launchChromium()
    // The viewer sits in Berlin, like the team: the follow-up reads "09:00 CET".
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-GB' })
    page = await context.newPage()
    page.setDefaultTimeout(8_000)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await receiver?.stop()
  })

  it('creates a rule in the UI (the API’s field errors first), shows its secret once, and takes it live', async () => {
    await page.goto(`${app?.url ?? ''}/mitigation`)
    await page.getByLabel('API token').fill(ADMIN_TOKEN)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { level: 1, name: 'Mitigation' }).waitFor()
    await expect.poll(() => textOf(page.getByRole('region', { name: /^Checkout \(demo\)/ }))).toContain('No mitigation rules for this team')

    await page.getByRole('button', { name: 'Create rule' }).click()
    const dialog = page.getByRole('dialog', { name: 'Create mitigation rule' })
    await dialog.getByLabel('Service').selectOption({ label: SERVICE })
    await dialog.getByLabel('Name').fill(RULE)
    // No condition and no URL: the API refuses, and says so beside each part.
    await dialog.getByRole('button', { name: 'Create rule' }).click()
    await expect.poll(() => textOf(dialog.getByRole('group', { name: /When an alert matches/ }))).toContain('must have at least one condition')
    const url = dialog.getByLabel('URL')
    await expect.poll(() => url.getAttribute('aria-invalid')).toBe('true')
    await expect.poll(() => textOf(dialog.getByText(/^must be an http\(s\) URL/))).toContain('placeholders like {{alert.labels.instance}} allowed')
    await dialog.getByRole('group', { name: /When an alert matches/ }).scrollIntoViewIfNeeded()
    await shot('mitigation-rule-errors', false)

    await dialog.getByLabel('Summary pattern').fill('OOMKilled|out of memory')
    await dialog.getByLabel('critical').check()
    await url.fill(`${receiverUrl}/restart/{{alert.source}}`)
    await dialog.getByLabel('Body (optional JSON)').fill('{"reason": "{{alert.summary}}"}')
    await dialog.getByLabel('Verify for (minutes)').fill('5')
    await dialog.getByRole('button', { name: 'Create rule' }).click()
    await dialog.waitFor({ state: 'hidden' })

    const card = ruleCard(RULE)
    await expect.poll(() => textOf(card.locator('.rule-chip'))).toBe('Dry run')
    await expect.poll(() => textOf(page.getByTestId('rule-signing-secret'))).toMatch(/^whsec_/)
    const rules = await call<{ items: ApiRule[] }>('GET', `/api/v1/services/${serviceId}/mitigation-rules`)
    const created = rules.body.items.find((r) => r.name === RULE)
    expect(created).toMatchObject({ dryRun: true, paused: false, verifyMinutes: 5, match: { summaryPattern: 'OOMKilled|out of memory', severities: ['critical'] } })
    expect(created?.action).toMatchObject({ type: 'http', method: 'POST', url: `${receiverUrl}/restart/{{alert.source}}`, body: { reason: '{{alert.summary}}' } })

    await card.getByRole('button', { name: `Go live ${RULE}` }).click()
    await card.locator('.rule-chip', { hasText: 'Active' }).waitFor()
    // The secret was shown once; the page forgets it after the next change.
    expect(await page.getByTestId('rule-signing-secret').count()).toBe(0)
    expect((await call<{ items: ApiRule[] }>('GET', `/api/v1/services/${serviceId}/mitigation-rules`)).body.items[0]?.dryRun).toBe(false)
    await expect.poll(() => textOf(card)).toContain('summary matches /OOMKilled|out of memory/')

    // Pause and resume; edit keeps what the form does not show back (the body) as it was.
    await card.getByRole('button', { name: `Pause ${RULE}` }).click()
    await card.locator('.rule-chip', { hasText: 'Paused' }).waitFor()
    await card.getByRole('button', { name: `Resume ${RULE}` }).click()
    await card.locator('.rule-chip', { hasText: 'Active' }).waitFor()
    await card.getByRole('button', { name: `Edit ${RULE}` }).click()
    const edit = page.getByRole('dialog', { name: `Edit ${RULE}` })
    await expect.poll(() => edit.getByLabel('Service').isDisabled()).toBe(true)
    await edit.getByLabel('Timeout (seconds)').fill('30')
    await edit.getByRole('button', { name: 'Save changes' }).click()
    await edit.waitFor({ state: 'hidden' })
    await card.getByText('(timeout 30 s)').waitFor()
    const edited = (await call<{ items: ApiRule[] }>('GET', `/api/v1/services/${serviceId}/mitigation-rules`)).body.items[0]
    expect(edited).toMatchObject({ dryRun: false, paused: false, verifyMinutes: 5, action: { timeoutSeconds: 30, body: { reason: '{{alert.summary}}' } } })
    await shot('mitigation')
  })

  it('restarts at 02:00, sees the alert clear, pages nobody, and shows the run, the alert and the follow-up due 09:00', async () => {
    await enqueue('trigger', 'oom-payments-api-1', OOM)
    await settle()
    await receiver.waitFor(1)
    expect(receiver.requests[0]?.path).toBe('/restart/payments-api-1')
    expect(receiver.requests[0]?.json).toEqual({ reason: OOM })
    expect(String(receiver.requests[0]?.headers['x-tend-signature'])).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    // The restarted service reports recovery, as its monitoring would.
    await enqueue('resolve', 'oom-payments-api-1')
    await settle()

    await page.getByRole('link', { name: RULE, exact: true }).click()
    await page.getByRole('heading', { level: 1, name: RULE }).waitFor()
    const runs = page.getByRole('table', { name: 'Runs' })
    const row = runs.getByRole('row').nth(1)
    await expect.poll(() => textOf(row)).toContain('Succeeded')
    expect(await row.textContent()).toContain(`POST ${receiverUrl}/restart/payments-api-1`)
    await expect.poll(() => textOf(row.locator('.run-output'))).toBe('HTTP 200: ok')
    await expect.poll(() => textOf(page.locator('.figures'))).toMatch(/^Runs1Success rate100%Kept from paging1Open follow.ups1Oldest open0 h$/)
    await shot('mitigation-runs')

    await row.getByRole('link', { name: 'oom-payments-api-1' }).click()
    await page.getByRole('heading', { level: 1, name: OOM }).waitFor()
    const panel = page.getByTestId('alert-mitigation')
    await expect.poll(() => textOf(panel)).toContain('Auto-mitigated')
    expect(await panel.textContent()).toContain(`Auto-mitigated by “${RULE}”: the alert cleared and nobody was paged`)
    await expect.poll(() => textOf(page.locator('.alert-header__meta'))).toContain('Resolved')
    await expect.poll(() => textOf(page.getByRole('list', { name: 'Timeline' }))).toContain(`Auto-mitigated by "${RULE}": nobody was paged`)
    const detail = await call<{ notifications: { kind: string }[] }>('GET', `/api/v1/alerts/${new URL(page.url()).pathname.split('/').pop() ?? ''}`)
    expect(detail.body.notifications.filter((n) => n.kind === 'alert')).toHaveLength(0)
    await shot('mitigation-alert')

    // The nav counts the open follow-up; the inbox shows it due at the team's 09:00, in the viewer's zone.
    await expect.poll(async () => (await nav().getByTestId('follow-up-count').textContent()) ?? '', { timeout: 10_000 }).toBe('1 open')
    await nav().getByRole('link', { name: /Follow-ups/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Follow-ups' }).waitFor()
    const item = page.getByRole('article', { name: /^Investigate: payments-api-1 OOMKilled/ })
    await expect.poll(() => textOf(item.getByTestId('follow-up-due'))).toBe('Due Tue 24 Nov, 09:00 CET (in 7 h)')
    expect(await item.textContent()).toContain(`POST ${receiverUrl}/restart/payments-api-1`)
    await expect.poll(() => item.getByRole('link', { name: OOM, exact: true }).getAttribute('href')).toMatch(/^\/alerts\//)
    await shot('mitigation-follow-ups')
  })

  it('closes the follow-up only with a note, and keeps it under Closed', async () => {
    const item = page.getByRole('article', { name: /^Investigate: payments-api-1 OOMKilled/ })
    await item.getByRole('button', { name: /^Close…/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Close follow-up' })
    await dialog.getByRole('button', { name: 'Close follow-up' }).click()
    const note = dialog.getByLabel('What did you find or do?')
    await expect.poll(() => note.getAttribute('aria-invalid')).toBe('true')
    await expect.poll(() => textOf(dialog.locator('.field__error'))).toContain('say what was found or done')
    await shot('mitigation-follow-up-close-error', false)

    await note.fill('Memory leak in the image resizer; fixed in v1.43 and raised the limit to 1 GiB.')
    await dialog.getByRole('button', { name: 'Close follow-up' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('No open follow-ups').waitFor()
    await expect.poll(() => nav().getByTestId('follow-up-count').count()).toBe(0)
    const stored = await call<{ items: { status: string; closeNote: string }[] }>('GET', `/api/v1/follow-ups?teamId=${teamId}&status=all`)
    expect(stored.body.items).toMatchObject([{ status: 'closed', closeNote: 'Memory leak in the image resizer; fixed in v1.43 and raised the limit to 1 GiB.' }])

    await page.getByRole('link', { name: 'Closed', exact: true }).click()
    const closed = page.getByRole('article', { name: /^Investigate: payments-api-1 OOMKilled/ })
    await expect.poll(() => textOf(closed)).toContain('Closed by Administrator')
    expect(await closed.textContent()).toContain('fixed in v1.43')
    await shot('mitigation-follow-ups-closed')
  })

  it('registers an agent (token and agent.yaml shown once), picks its command in a rule, and warns when nobody investigates', async () => {
    await nav().getByText('Setup').click()
    await nav().getByRole('link', { name: 'Mitigation' }).click()
    await page.getByRole('button', { name: `Register agent for ${TEAM}` }).click()
    const dialog = page.getByRole('dialog', { name: `Register an agent for ${TEAM}` })
    await dialog.getByLabel('Name').fill('ledger-host-1')
    await dialog.getByRole('button', { name: 'Register agent' }).click()
    const shown = page.getByRole('dialog', { name: 'Agent ledger-host-1 registered' })
    const token = (await textOf(shown.locator('.agent-token__token'))).trim()
    expect(token).toMatch(/^tend_agt_\w+$/)
    const yaml = await textOf(shown.getByLabel('agent.yaml'))
    expect(yaml).toContain(`server: ${app?.url ?? ''}\ntoken: ${token}\nname: ledger-host-1\n`)
    expect(yaml).toContain('commands:\n  restart-api: ')
    await shot('mitigation-agent-token', false)
    await shown.getByRole('button', { name: 'I have copied it' }).click()
    await shown.waitFor({ state: 'hidden' })
    expect(await page.getByText(token).count()).toBe(0)
    const agents = page.getByRole('table', { name: 'Agents' })
    await expect.poll(() => textOf(agents.getByRole('row').nth(1))).toContain('never connected')

    // The agent starts on its host and reports its allow-list, as `tend agent` does.
    const hello = await fetch(`${app?.url ?? ''}/agent/v1/hello`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ commands: ['restart-api', 'flush-ledger-cache'] }) })
    expect(hello.status).toBe(200)
    await page.reload()
    await expect.poll(() => textOf(page.getByRole('table', { name: 'Agents' }).getByRole('row').nth(1))).toMatch(/flush-ledger-cacherestart-api.*online, seen just now/)

    await page.getByRole('button', { name: 'Create rule' }).click()
    const form = page.getByRole('dialog', { name: 'Create mitigation rule' })
    await form.getByLabel('Service').selectOption({ label: 'ledger-db (demo)' })
    await form.getByLabel('Name').fill(AGENT_RULE)
    await form.getByLabel('Summary pattern').fill('ledger cache')
    await form.getByLabel('Agent command').check()
    await form.getByLabel('Agent', { exact: true }).selectOption({ label: 'ledger-host-1' })
    const commands = await form.getByLabel('Command', { exact: true }).locator('option').allTextContents()
    expect(commands).toEqual(['Choose a command…', 'flush-ledger-cache', 'restart-api'])
    await form.getByLabel('Command', { exact: true }).selectOption('flush-ledger-cache')
    await shot('mitigation-rule-agent-form', false)
    await form.getByRole('button', { name: 'Create rule' }).click()
    await form.waitFor({ state: 'hidden' })
    await ruleCard(AGENT_RULE).getByRole('button', { name: `Go live ${AGENT_RULE}` }).click()
    await ruleCard(AGENT_RULE).locator('.rule-chip', { hasText: 'Active' }).waitFor()
    expect(await ruleCard(AGENT_RULE).textContent()).toContain('run “flush-ledger-cache” on ledger-host-1')

    // The cache fills up; the agent runs the command and the alert clears. Then nobody looks into it for eight days.
    const ledger = (await call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/services')).body.items.find((s) => s.name === 'ledger-db (demo)')
    const ledgerKey = (await call<{ key: string }>('POST', `/api/v1/services/${ledger?.id ?? ''}/integrations`, { name: 'e2e ledger' })).body.key
    const send = (action: string) =>
      fetch(`${app?.url ?? ''}/v2/enqueue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ routing_key: ledgerKey, event_action: action, dedup_key: 'ledger-cache', payload: { summary: 'ledger cache full on ledger-db-1', source: 'ledger-db-1', severity: 'error' } }) })
    expect((await send('trigger')).status).toBe(202)
    await settle()
    const agentCall = (path: string, body?: unknown) => fetch(`${app?.url ?? ''}/agent/v1/${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    const job = (await (await agentCall('jobs/next')).json()) as { job: { id: string; command: string } }
    expect(job.job.command).toBe('flush-ledger-cache')
    expect((await agentCall(`jobs/${job.job.id}/result`, { status: 'succeeded', exitCode: 0, output: 'flushed 1841 keys\nledger cache at 12%' })).status).toBe(204)
    await settle()
    expect((await send('resolve')).status).toBe(202)
    await settle()
    app?.clock.advance(8 * DAY)
    await settle(1)

    await page.reload()
    const card = ruleCard(AGENT_RULE)
    await expect.poll(() => textOf(card.getByRole('status'))).toContain('This rule keeps restarting things but nobody investigates: 1 follow-up open, oldest 8 days')
    await expect.poll(() => textOf(page.getByRole('table', { name: 'Agents' }).getByRole('row').nth(1))).toContain('offline: last seen 8 d ago')
    await shot('mitigation-neglected')
    await page.setViewportSize({ width: 390, height: 844 })
    await shot('mitigation-phone')
    await page.setViewportSize({ width: 1280, height: 900 })

    await nav().getByRole('link', { name: /Follow-ups/ }).click()
    const overdue = page.getByRole('article', { name: /^Investigate: ledger cache full/ })
    await expect.poll(() => textOf(overdue.getByTestId('follow-up-due'))).toMatch(/^Due Tue 24 Nov, 09:00 CET \(overdue by 7 d/)
    await overdue.locator('summary').click()
    await expect.poll(() => textOf(overdue.locator('.run-output__text'))).toBe('flushed 1841 keys\nledger cache at 12%')
    await shot('mitigation-follow-up-overdue')
  })
})

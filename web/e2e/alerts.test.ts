import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../../test/harness/app.js'
import { addMember, buildUser, tokenFor } from '../../test/harness/factories.js'
import { launchChromium, requireUiAndChromium, SCREENSHOTS, textOf } from './support.js'

// Alerts end to end in headless Chromium: an event comes in through the PagerDuty-compatible
// endpoint, the alert shows up on the Alerts page (which polls), and a person acknowledges and
// resolves it, pages someone by hand, and sets up how they are reached. The server's clock stands
// still at NOW; the UI takes "now" from the server, so ages read "just now".
const NOW = '2026-11-23T10:00:00Z'
const SERVICE = 'payments-api (demo)'
const SCHEDULE = 'Checkout primary (demo)'
const DISK = 'Disk almost full on ledger-db-1'
const SLOW = 'Slow queries on ledger-db-2'
const MANUAL = 'Customers report card payments failing'
// The alerts page polls every 10 s; allow one full interval and some.
const POLL_WAIT_MS = 20_000

interface ApiAlert {
  readonly id: string
  readonly summary: string
  readonly status: string
  readonly urgency: string
  readonly origin: string
  readonly acknowledgedBy: string | null
  readonly outcome: string | null
  readonly outcomeNote: string | null
  readonly details: Record<string, unknown>
}


describe('alerts in headless Chromium', () => {
  let app: TestApp | undefined
  let browser: Browser | undefined
  let page: Page
  let routingKey: string
  let adminId: string
  let teamId: string
  let diskAlertId: string

  const call = async <T>(method: string, path: string, body?: unknown) => {
    if (app === undefined) throw new Error('the test app did not start')
    return app.call<T>(method, path, body)
  }
  const enqueue = async (event: Record<string, unknown>) => {
    const res = await fetch(`${app?.url ?? ''}/v2/enqueue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ routing_key: routingKey, event_action: 'trigger', ...event }) })
    expect(res.status).toBe(202)
    await app?.settle()
  }
  const alertsBySummary = async (summary: string) => (await call<{ items: ApiAlert[] }>('GET', '/api/v1/alerts?status=triggered,acknowledged,resolved')).body.items.filter((a) => a.summary === summary)
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage })
  const nav = () => page.getByRole('navigation', { name: 'Main' })

  beforeAll(async () => {
    requireUiAndChromium()
    app = await startTestApp('sqlite', { demo: true, now: NOW })

    // A policy that pages whoever is on call on the demo schedule, on the demo payments service.
    adminId = (await call<{ id: string }>('GET', '/api/v1/me')).body.id
    const services = await call<{ items: { id: string; name: string; teamId: string }[] }>('GET', '/api/v1/services')
    const service = services.body.items.find((s) => s.name === SERVICE)
    const schedules = await call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/schedules')
    const scheduleId = schedules.body.items.find((s) => s.name === SCHEDULE)?.id
    expect(service, SERVICE).toBeDefined()
    expect(scheduleId, SCHEDULE).toBeDefined()
    teamId = service?.teamId ?? ''
    const policy = await call<{ id: string }>('POST', '/api/v1/escalation-policies', {
      name: 'Payments (e2e)', teamId, repeatCount: 1, steps: [{ targets: [{ type: 'schedule', id: scheduleId }], delayMinutes: 5 }],
    })
    expect(policy.status).toBe(201)
    expect((await call('PATCH', `/api/v1/services/${service?.id}`, { escalationPolicyId: policy.body.id })).status).toBe(200)
    const integration = await call<{ key: string }>('POST', `/api/v1/services/${service?.id}/integrations`, { name: 'e2e monitoring' })
    expect(integration.status).toBe(201)
    routingKey = integration.body.key

    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/Los_Angeles', locale: 'en-GB' })
    page = await context.newPage()
    page.setDefaultTimeout(8_000)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('shows an alert triggered through the PagerDuty endpoint, and picks up new ones by polling', async () => {
    await enqueue({
      dedup_key: 'disk-ledger-db-1',
      payload: { summary: DISK, source: 'ledger-db-1', severity: 'critical', custom_details: { free: '3%', mount: '/var/lib/postgresql' } },
      links: [{ href: 'https://grafana.example/d/disk', text: 'Disk dashboard' }],
    })
    await page.goto(`${app?.url ?? ''}/alerts`)
    await page.getByLabel('API token').fill(ADMIN_TOKEN)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor()

    const table = page.getByRole('table', { name: 'Alerts' })
    // Match the summary link exactly: Tend's own "Could not reach …" alerts quote other summaries.
    const rowOf = (summary: string) => table.getByRole('row').filter({ has: page.getByRole('link', { name: summary, exact: true }) })
    const row = rowOf(DISK)
    const text = await textOf(row)
    expect(text).toContain('Triggered')
    expect(text).toContain('High')
    expect(text).toContain(SERVICE)
    expect(text).toContain('just now')

    // A second event while the page is open appears without a reload.
    await enqueue({ payload: { summary: SLOW, source: 'ledger-db-2', severity: 'warning' } })
    const slow = rowOf(SLOW)
    await slow.waitFor({ timeout: POLL_WAIT_MS })
    expect(await slow.textContent()).toContain('Low')
    // Newest first.
    expect(await table.getByRole('row').nth(1).textContent()).toContain(SLOW)
    await shot('alerts')
    await page.setViewportSize({ width: 390, height: 844 })
    await shot('alerts-phone')
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it('acknowledges the alert from its page, as the signed-in admin', async () => {
    await page.getByRole('table', { name: 'Alerts' }).getByRole('link', { name: DISK, exact: true }).click()
    await page.getByRole('heading', { level: 1, name: DISK }).waitFor()
    diskAlertId = new URL(page.url()).pathname.split('/').pop() ?? ''
    const timeline = page.getByRole('list', { name: 'Timeline' })
    await expect.poll(() => textOf(timeline)).toContain('Escalating: step 1 of Payments (e2e)')
    expect(await page.getByRole('table', { name: 'Notifications' }).getByRole('row').count()).toBeGreaterThan(1)
    await expect.poll(() => textOf(page.getByText('/var/lib/postgresql'))).toBe('/var/lib/postgresql')
    await expect.poll(() => page.getByRole('link', { name: 'Disk dashboard' }).getAttribute('href')).toBe('https://grafana.example/d/disk')

    await page.getByRole('button', { name: 'Acknowledge' }).click()
    await page.locator('.alert-header__meta').getByText('Acknowledged').waitFor()
    await expect.poll(() => textOf(timeline.getByRole('listitem').filter({ hasText: 'Acknowledged by admin@' }))).toMatch(/\d\d:\d\d:\d\d UTC/)
    await expect.poll(async () => (await page.getByRole('button', { name: 'Acknowledge' }).count())).toBe(0)

    const stored = await call<{ alert: ApiAlert }>('GET', `/api/v1/alerts/${diskAlertId}`)
    expect(stored.body.alert.status).toBe('acknowledged')
    expect(stored.body.alert.acknowledgedBy).toBe(adminId)
    await shot('alert-acknowledged')
  })

  it('resolves it as noise, with a note', async () => {
    await page.getByRole('button', { name: 'Resolve…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Resolve alert' })
    await dialog.getByLabel(/Noise/).check()
    await dialog.getByLabel('Note (optional)').fill('Vacuum runs nightly; threshold too tight')
    await shot('alert-resolve-dialog', false)
    await dialog.getByRole('button', { name: 'Resolve alert' }).click()
    await dialog.waitFor({ state: 'hidden' })

    await page.locator('.alert-header__meta').getByText('Resolved').waitFor()
    await expect.poll(() => textOf(page.getByTestId('alert-outcome'))).toContain('Noise')
    expect(await page.getByRole('button', { name: 'Record outcome…' }).count()).toBe(0)
    const stored = await call<{ alert: ApiAlert }>('GET', `/api/v1/alerts/${diskAlertId}`)
    expect(stored.body.alert).toMatchObject({ status: 'resolved', outcome: 'noise', outcomeNote: 'Vacuum runs nightly; threshold too tight' })
    await shot('alert-resolved')
    await page.setViewportSize({ width: 390, height: 844 })
    await shot('alert-phone')
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it('pages a team by hand from the "Page someone" dialog', async () => {
    await nav().getByRole('link', { name: 'Alerts' }).click()
    await page.getByRole('button', { name: 'Page someone' }).click()
    const dialog = page.getByRole('dialog', { name: 'Page someone' })
    await dialog.getByLabel(/A team/).check()
    await dialog.getByLabel('Team', { exact: true }).selectOption({ value: teamId })
    await dialog.getByLabel('Summary').fill(MANUAL)
    await dialog.getByLabel('Details (optional)').fill('Three tickets in ten minutes, all Visa.')
    await dialog.getByLabel(/^Low/).check()
    await shot('page-someone', false)
    await dialog.getByRole('button', { name: 'Send page' }).click()

    await page.getByRole('heading', { level: 1, name: MANUAL }).waitFor()
    await expect.poll(() => textOf(page.locator('.alert-header__meta'))).toContain('Low')
    const [stored] = await alertsBySummary(MANUAL)
    expect(stored).toMatchObject({ origin: 'manual', urgency: 'low', status: 'triggered', details: { description: 'Three tickets in ten minutes, all Visa.' } })
  })

  it('lists undelivered notifications for admins and retries one', async () => {
    await nav().getByRole('link', { name: 'Alerts' }).click()
    const dead = page.getByRole('table', { name: 'Dead letter' })
    const first = dead.getByRole('row').nth(1)
    await expect.poll(() => textOf(first)).toMatch(/not configured|no .* gateway/)
    const before = (await call<{ items: { id: string }[] }>('GET', '/api/v1/notifications?status=dead')).body.items
    await first.getByRole('button', { name: /^Retry/ }).click()
    await expect.poll(async () => (await call<{ items: unknown[] }>('GET', '/api/v1/notifications?status=dead')).body.items.length).toBe(before.length - 1)
    await shot('alerts-dead-letter')
  })

  it('adds a contact method on My notifications and shows it unverified', async () => {
    await nav().getByRole('link', { name: 'Administrator' }).click()
    await page.getByRole('heading', { level: 1, name: 'My notifications' }).waitFor()
    await expect.poll(() => textOf(page.locator('.page__header'))).toMatch(/Only verified contact methods page you\. Low-urgency alerts never interrupt outside working hours/)

    await page.getByRole('button', { name: 'Add contact method' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add contact method' })
    await dialog.getByLabel('Type').selectOption('sms')
    await dialog.getByLabel('Phone number').fill('0151 1234')
    await dialog.getByRole('button', { name: 'Add contact method' }).click()
    await expect.poll(() => textOf(dialog.locator('.field__error'))).toContain('E.164')
    await dialog.getByLabel('Phone number').fill('+4915112345678')
    await dialog.getByLabel('Label (optional)').fill('Work phone')
    await dialog.getByRole('button', { name: 'Add contact method' }).click()
    await dialog.waitFor({ state: 'hidden' })

    const item = page.getByRole('listitem', { name: 'Work phone' })
    const text = await textOf(item)
    expect(text).toContain('Not verified')
    expect(text).toContain('+4915112345678')
    expect(await item.getByRole('button', { name: 'Send me a test notification' }).count()).toBe(0)
    const methods = await call<{ items: { label: string; address: string; verified: boolean; interrupting: boolean }[] }>('GET', `/api/v1/users/${adminId}/contact-methods`)
    expect(methods.body.items).toContainEqual(expect.objectContaining({ label: 'Work phone', address: '+4915112345678', verified: false, interrupting: true }))

    // No SMS gateway runs here: asking for a code says so instead of losing it.
    await item.getByRole('button', { name: 'Send code' }).click()
    await item.getByRole('alert').waitFor()
    await expect.poll(() => textOf(item.getByRole('alert'))).toContain('cannot send sms messages yet')

    // Slack can deliver, so a code goes out and a wrong one is refused.
    await page.getByRole('button', { name: 'Add contact method' }).click()
    await dialog.getByLabel('Type').selectOption('slack')
    await dialog.getByLabel('Slack webhook URL').fill('https://hooks.slack.example/services/T0/B0/abc')
    await dialog.getByLabel('Label (optional)').fill('Team Slack')
    await dialog.getByRole('button', { name: 'Add contact method' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const slack = page.getByRole('listitem', { name: 'Team Slack' })
    await slack.getByRole('button', { name: 'Send code' }).click()
    await slack.getByLabel('Code sent to Team Slack').fill('000000')
    await slack.getByRole('button', { name: 'Verify' }).click()
    await expect.poll(() => textOf(slack.locator('.field__error'))).toContain('wrong code')
    await shot('my-notifications')
  })

  it('creates an escalation policy and warns about who cannot be woken', async () => {
    await nav().getByText('Setup').click()
    await nav().getByRole('link', { name: 'Policies' }).click()
    await page.getByRole('heading', { level: 1, name: 'Escalation policies' }).waitFor()
    await page.getByRole('button', { name: 'Create policy' }).click()
    const dialog = page.getByRole('dialog', { name: 'Create escalation policy' })
    await dialog.getByLabel('Owner team').selectOption({ value: teamId })
    await dialog.getByLabel('Name', { exact: true }).fill('Nights (e2e)')
    await dialog.getByLabel('Add a person to step 1').selectOption({ label: 'Administrator' })
    await dialog.getByRole('button', { name: '+ Add step' }).click()
    await dialog.getByLabel('Add a schedule to step 2').selectOption({ label: SCHEDULE })
    await dialog.getByLabel('Minutes before step 2').fill('10')
    await shot('policy-form', false)
    await dialog.getByRole('button', { name: 'Create policy' }).click()
    await dialog.waitFor({ state: 'hidden' })

    await expect.poll(() => textOf(page.getByText(/Saved “Nights \(e2e\)”, but not everyone/))).toBeTruthy()
    const card = page.getByRole('article', { name: 'Nights (e2e)' })
    await expect.poll(() => textOf(card.locator('.alert--warning'))).toContain('Administrator cannot be woken')
    const stored = await call<{ items: { name: string; steps: { delayMinutes: number; targets: { type: string }[] }[] }[] }>('GET', '/api/v1/escalation-policies')
    expect(stored.body.items.find((p) => p.name === 'Nights (e2e)')?.steps.map((s) => [s.delayMinutes, s.targets[0]?.type])).toEqual([[10, 'user'], [15, 'schedule']])

    const readiness = page.getByRole('list', { name: 'People who cannot be woken' }).first()
    await expect.poll(() => readiness.getByRole('link', { name: 'Administrator' }).getAttribute('href')).toBe(`/people/${adminId}/notifications`)
    await shot('policies')
  })

  it('flags people who cannot be woken on the schedule page', async () => {
    await nav().getByRole('link', { name: 'Schedules' }).click()
    await page.getByRole('link', { name: SCHEDULE }).click()
    await page.getByRole('heading', { level: 1, name: /Checkout primary/ }).waitFor()
    const readiness = page.getByRole('list', { name: 'People who cannot be woken' })
    await expect.poll(() => textOf(readiness)).toContain('Administrator')
    await shot('schedule-readiness', false)
  })

  it('shows and changes the escalation policy of each service', async () => {
    await nav().getByText('Setup').click()
    await nav().getByRole('link', { name: 'Services' }).click()
    const select = page.getByLabel(`Escalation policy for ${SERVICE}`)
    await expect.poll(async () => (await select.locator('option:checked').textContent()) ?? '').toBe('Payments (e2e)')
    await select.selectOption({ label: 'Nights (e2e)' })
    await expect.poll(async () => {
      const services = await call<{ items: { name: string; escalationPolicyId: string | null }[] }>('GET', '/api/v1/services')
      const policies = await call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/escalation-policies')
      const id = services.body.items.find((s) => s.name === SERVICE)?.escalationPolicyId
      return policies.body.items.find((p) => p.id === id)?.name
    }).toBe('Nights (e2e)')
    await shot('services')
  })
  it('shows an observer of the team why they cannot act, instead of buttons the API would refuse', async () => {
    if (app === undefined || browser === undefined) throw new Error('the test app or Chromium did not start')
    const slow = (await alertsBySummary(SLOW))[0]
    expect(slow?.status).toBe('triggered')
    const olive = await buildUser(app, { name: 'Olive Observer' })
    await addMember(app, teamId, olive.id, 'observer')
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/Los_Angeles', locale: 'en-GB' })
    try {
      const observerPage = await context.newPage()
      observerPage.setDefaultTimeout(8_000)
      await observerPage.goto(`${app.url}/alerts/${slow?.id ?? ''}`)
      await observerPage.getByLabel('API token').fill(await tokenFor(app, olive.id))
      await observerPage.getByRole('button', { name: 'Sign in' }).click()
      await observerPage.getByRole('heading', { level: 1, name: SLOW }).waitFor()
      await observerPage.getByText('Acting on this alert needs the responder role on the team that owns payments-api (demo), or to have been paged for this alert.').waitFor()
      expect(await observerPage.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0)
      await observerPage.screenshot({ path: join(SCREENSHOTS, 'alert-observer.png'), fullPage: true })
    } finally {
      await context.close()
    }
  })
})

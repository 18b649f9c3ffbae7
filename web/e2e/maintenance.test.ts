import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../../test/harness/app.js'
import { launchChromium, requireUiAndChromium, SCREENSHOTS, textOf } from './support.js'

// A maintenance window end to end in headless Chromium: the payments team opens a 30-minute window
// before a database upgrade, monitoring fires during it and nobody is paged, and ending the window
// early releases the alert that is still open. The server's clock stands still unless the test
// moves it; the engine runs when the test says so.
const NOW = '2026-11-24T09:00:20Z'
const MIN = 60_000
const SERVICE = 'payments-api (demo)'
const REASON = 'Ledger database upgrade'
const SUMMARY = 'ledger replica lag above 30 s on payments-db-2'

interface ApiWindow {
  readonly id: string
  readonly reason: string
  readonly start: string
  readonly end: string
  readonly phase: string
}


describe('maintenance windows in headless Chromium', () => {
  let app: TestApp | undefined
  let browser: Browser | undefined
  let page: Page
  let serviceId: string

  const call = async <T>(method: string, path: string, body?: unknown) => {
    if (app === undefined) throw new Error('the test app did not start')
    return app.call<T>(method, path, body)
  }
  const settle = async (times = 2) => {
    for (let i = 0; i < times; i++) await app?.settle()
  }
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage })
  const nav = () => page.getByRole('navigation', { name: 'Main' })

  beforeAll(async () => {
    requireUiAndChromium()
    app = await startTestApp('sqlite', { demo: true, now: NOW })
    const services = await call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/services')
    serviceId = services.body.items.find((s) => s.name === SERVICE)?.id ?? ''
    expect(serviceId, SERVICE).not.toBe('')

    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-GB' })
    page = await context.newPage()
    // Generous: CI machines with two cores run Chromium beside the server and other test files.
    page.setDefaultTimeout(15_000)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('opens a window (the API’s field error first), holds an alert raised during it, and releases it on End now', async () => {
    await page.goto(app?.url ?? '')
    await page.getByLabel('API token').fill(ADMIN_TOKEN)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await nav().getByText('Setup').click()
    await nav().getByRole('link', { name: 'Maintenance' }).click()
    await page.getByRole('heading', { level: 1, name: 'Maintenance' }).waitFor()
    const windows = page.getByRole('table', { name: 'Maintenance windows' })
    await expect.poll(() => textOf(page.getByText(/^No maintenance windows yet/))).toBeTruthy()

    // No reason: the API refuses, and says so beside the field.
    await page.getByLabel('Service').selectOption({ label: SERVICE })
    const reason = page.getByLabel('Reason')
    await page.getByRole('button', { name: 'Open window' }).click()
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true')
    await expect.poll(() => textOf(page.locator('.field--invalid .field__error'))).toContain('must say why')
    await shot('maintenance-form-error', false)

    await reason.fill(REASON)
    await page.getByLabel('For (minutes)').fill('30')
    await page.getByRole('button', { name: 'Open window' }).click()
    const row = windows.getByRole('row', { name: new RegExp(REASON) })
    await expect.poll(() => textOf(row)).toContain('Active')
    expect(await row.textContent()).toContain(SERVICE)
    await expect.poll(() => reason.inputValue()).toBe('')
    const stored = (await call<{ items: ApiWindow[] }>('GET', `/api/v1/maintenance-windows?serviceId=${serviceId}`)).body.items
    expect(stored.map((w) => [w.reason, w.phase, Date.parse(w.end) - Date.parse(w.start)])).toEqual([[REASON, 'active', 30 * MIN]])
    await shot('maintenance-list')

    // Monitoring fires during the window: the alert is stored, and held rather than paged.
    const integration = await call<{ key: string }>('POST', `/api/v1/services/${serviceId}/integrations`, { type: 'events_v2' })
    expect(integration.status).toBe(201)
    const res = await fetch(`${app?.url ?? ''}/v2/enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ routing_key: integration.body.key, event_action: 'trigger', payload: { summary: SUMMARY, source: 'payments-db-2', severity: 'critical' } }),
    })
    expect(res.status).toBe(202)
    await settle()

    await row.getByRole('link', { name: REASON }).click()
    await page.getByRole('heading', { level: 1, name: REASON }).waitFor()
    const held = page.getByRole('table', { name: 'Held alerts' }).getByRole('row', { name: new RegExp(SUMMARY) })
    await expect.poll(() => textOf(held.locator('.badge'))).toBe('Held')
    const alerts = (await call<{ items: { id: string; summary: string }[] }>('GET', `/api/v1/alerts?serviceId=${serviceId}&status=open`)).body.items
    const alertId = alerts.find((a) => a.summary === SUMMARY)?.id
    expect(alertId, SUMMARY).toBeDefined()
    await expect.poll(() => held.getByRole('link', { name: SUMMARY }).getAttribute('href')).toBe(`/alerts/${alertId ?? ''}`)
    await shot('maintenance-detail-held', false)

    // Ended early with the alert still open: it pages now.
    await page.getByRole('button', { name: /^End now/ }).click()
    await expect.poll(() => textOf(page.getByText(/^Ended “Ledger database upgrade”/))).toContain('still open page now')
    await settle()
    await page.reload()
    await expect.poll(() => textOf(held.locator('.badge'))).toBe('Released')
    await expect.poll(() => textOf(page.locator('h1 .badge'))).toBe('Ended')
    await page.getByRole('button', { name: /^End now/ }).waitFor({ state: 'detached' })
    await shot('maintenance-detail')
  })
})

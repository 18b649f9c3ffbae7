import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../../test/harness/app.js'
import { launchChromium, requireUiAndChromium, SCREENSHOTS, textOf } from './support.js'

// The browser test drives the built UI (web/dist) as `tend serve` serves it, against a demo
// database whose clock stands still at NOW. The UI takes "now" from the server's answers, so the
// browser's real clock does not matter.
const NOW = '2026-11-23T10:00:00Z'
const SCHEDULE = 'Checkout primary (demo)'

interface ApiOverride {
  readonly userId: string
  readonly start: string
  readonly end: string
  readonly reason: string
}


describe('web UI in headless Chromium', () => {
  let app: TestApp | undefined
  let browser: Browser | undefined
  let context: BrowserContext
  let page: Page
  let scheduleId: string
  let mayaId: string

  const api = <T>(path: string) => {
    if (app === undefined) throw new Error('the test app did not start')
    return app.call<T>('GET', path)
  }

  beforeAll(async () => {
    requireUiAndChromium()
    app = await startTestApp('sqlite', { demo: true, now: NOW })
    browser = await launchChromium()
    // A browser in another zone than the schedule proves the form converts in the schedule's zone.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/Los_Angeles', locale: 'en-GB' })
    page = await context.newPage()
    page.setDefaultTimeout(8_000)

    const schedules = await api<{ items: { id: string; name: string }[] }>('/api/v1/schedules')
    scheduleId = schedules.body.items.find((s) => s.name === SCHEDULE)?.id ?? ''
    const users = await api<{ items: { id: string; name: string }[] }>('/api/v1/users')
    mayaId = users.body.items.find((u) => u.name === 'Maya Johnson')?.id ?? ''
    expect(scheduleId).not.toBe('')
    expect(mayaId).not.toBe('')
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('shows the server reason for a wrong token', async () => {
    await page.goto(app?.url ?? '')
    await page.getByLabel('API token').fill('tend_pat_not_a_real_token_000000')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => textOf(page.getByText(/unknown, revoked or expired/))).toMatch(/unknown, revoked or expired/)
    await expect.poll(() => page.getByLabel('API token').getAttribute('aria-invalid')).toBe('true')
  })

  it('signs in and shows who is on call now on the demo schedule', async () => {
    await page.getByLabel('API token').fill(ADMIN_TOKEN)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { level: 1, name: 'On call now' }).waitFor()

    const oncall = await api<{ items: { scheduleName: string; shift: { user: { name: string } | null } }[] }>('/api/v1/oncall')
    const expected = oncall.body.items.find((i) => i.scheduleName === SCHEDULE)?.shift.user?.name
    expect(expected, 'the demo schedule has someone on call at NOW').toBeDefined()
    const card = page.getByRole('article', { name: SCHEDULE })
    const text = await textOf(card)
    expect(text).toContain(expected)
    expect(text).toMatch(/Their time/)
    expect(text).toMatch(/Next handoff/)
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('Administrator')
    await page.screenshot({ path: join(SCREENSHOTS, 'oncall.png'), fullPage: true })

    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: join(SCREENSHOTS, 'oncall-phone.png'), fullPage: true })
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it('opens the schedule page with the final row and one row per layer', async () => {
    await page.getByRole('article', { name: SCHEDULE }).getByRole('link', { name: SCHEDULE }).click()
    await page.getByRole('heading', { level: 1, name: /Checkout primary/ }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/schedules/${scheduleId}`)

    const finalBlocks = page.getByRole('list', { name: 'Final schedule' }).getByRole('listitem')
    await finalBlocks.first().waitFor()
    expect(await finalBlocks.count()).toBeGreaterThan(3)

    const schedule = await api<{ layers: { name: string }[] }>(`/api/v1/schedules/${scheduleId}`)
    expect(schedule.body.layers).toHaveLength(3)
    for (const layer of schedule.body.layers) {
      expect(await page.getByRole('list', { name: `Layer: ${layer.name}` }).getByRole('listitem').count(), layer.name).toBeGreaterThan(0)
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'schedule.png'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: join(SCREENSHOTS, 'schedule-phone.png'), fullPage: true })
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it('creates an override in the schedule zone and shows it on the timeline and in the list', async () => {
    await page.getByRole('button', { name: 'Create override' }).click()
    const dialog = page.getByRole('dialog', { name: 'Create override' })
    await dialog.getByLabel('Who').selectOption({ label: 'Maya Johnson' })
    // Wall-clock times in Europe/Berlin (UTC+1 in November), whatever the browser's zone.
    await dialog.getByLabel('Start').fill('2026-11-24T08:00')
    await dialog.getByLabel('End').fill('2026-11-25T08:00')
    await dialog.getByLabel('Reason (optional)').fill('e2e: covering a day')
    await dialog.getByRole('button', { name: 'Create override' }).click()
    await dialog.waitFor({ state: 'hidden' })

    await expect.poll(() => textOf(page.getByRole('list', { name: 'Upcoming overrides' }))).toContain('Maya Johnson')
    const overrideBlock = page.getByRole('list', { name: 'Final schedule' }).getByRole('listitem').filter({ hasText: 'override' })
    await expect.poll(() => textOf(overrideBlock.first())).toContain('Maya Johnson')
    await expect.poll(() => overrideBlock.first().getAttribute('class')).toContain('shift--override')

    const stored = await api<{ items: ApiOverride[] }>(`/api/v1/schedules/${scheduleId}/overrides`)
    expect(stored.body.items).toEqual([
      expect.objectContaining({ userId: mayaId, start: '2026-11-24T07:00:00.000Z', end: '2026-11-25T07:00:00.000Z', reason: 'e2e: covering a day' }),
    ])
    await page.screenshot({ path: join(SCREENSHOTS, 'schedule-override.png'), fullPage: true })
  })

  it('shows the API field error beside End when it is before Start', async () => {
    await page.getByRole('button', { name: 'Create override' }).click()
    const dialog = page.getByRole('dialog', { name: 'Create override' })
    await dialog.getByLabel('Who').selectOption({ label: 'Maya Johnson' })
    await dialog.getByLabel('Start').fill('2026-11-26T12:00')
    await dialog.getByLabel('End').fill('2026-11-26T10:00')
    await dialog.getByRole('button', { name: 'Create override' }).click()

    const end = dialog.getByLabel('End')
    await dialog.locator('[aria-invalid="true"]').first().waitFor()
    await expect.poll(() => end.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await end.getAttribute('aria-describedby')) ?? ''
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error')) ?? 'missing'
    await expect.poll(() => textOf(page.locator(`[id="${errorId}"]`))).toContain('must be after start')
    await expect.poll(() => dialog.getByLabel('Start').getAttribute('aria-invalid')).toBe('false')
    await page.screenshot({ path: join(SCREENSHOTS, 'override-error.png') })

    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const stored = await api<{ items: ApiOverride[] }>(`/api/v1/schedules/${scheduleId}/overrides`)
    expect(stored.body.items).toHaveLength(1)
  })

  it('shows a gap loudly in red, on the on-call page and on the timeline', async () => {
    const team = await api<{ items: { id: string }[] }>('/api/v1/teams')
    const created = await app?.call<{ id: string }>('POST', '/api/v1/schedules', {
      name: 'Afternoons only',
      teamId: team.body.items[0]?.id,
      timeZone: 'Europe/Berlin',
      layers: [{ name: 'Afternoons', startsAt: '2026-11-02T13:00:00+01:00', shiftLength: 1, shiftUnit: 'weeks', handoffTime: '13:00', members: [mayaId], restrictions: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '13:00', end: '17:00' }] }],
    })
    expect(created?.status).toBe(201)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'On call' }).click()
    const card = page.getByRole('article', { name: 'Afternoons only' })
    // NOW is 11:00 in Berlin: nobody until the 13:00 window opens.
    await expect.poll(() => textOf(card.getByRole('alert'))).toContain('Nobody is on call until Mon 23 Nov, 13:00 CET')
    await expect.poll(() => card.getAttribute('class')).toContain('oncall-card--gap')
    await page.screenshot({ path: join(SCREENSHOTS, 'oncall-gap.png'), fullPage: true })

    await card.getByRole('link', { name: 'Afternoons only' }).click()
    const gaps = page.getByRole('list', { name: 'Final schedule' }).locator('li.shift--gap')
    await gaps.first().waitFor()
    expect(await gaps.count()).toBeGreaterThan(5)
    expect(await page.getByRole('alert').first().textContent()).toContain('Nobody is on call until')
    await page.screenshot({ path: join(SCREENSHOTS, 'schedule-gap.png'), fullPage: true })
  })

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByLabel('API token').waitFor()
    expect(await page.evaluate(() => window.localStorage.getItem('tend.token'))).toBeNull()
  })
})

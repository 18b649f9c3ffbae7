import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../../test/harness/app.js'
import { addMember, buildPagedPerson, buildPagedService, buildSchedule, pdTrigger } from '../../test/harness/factories.js'
import { WebhookReceiver } from '../../test/harness/receivers.js'
import { launchChromium, requireUiAndChromium, SCREENSHOTS, textOf } from './support.js'

// On-call health in headless Chromium. Monday 23 Nov 2026, 20:00 in Berlin: Ben has had the
// Payments pager since 09:00. He is paged at 02:00 and 04:00 his time, so he starts late and Tend
// relieves him; Eve, alone on the Night desk rotation, is paged at the same hours and nobody can
// relieve her. At 08:00 the team lead opens the health pages from New York (the viewer's zone must
// not leak into people's hours). The server's clock stands still unless the test moves it.
const ZONE = 'Europe/Berlin'

interface Person {
  readonly id: string
  readonly name: string
}
interface HealthTeam {
  readonly id: string
  readonly name: string
  readonly people: readonly Person[]
  readonly lead: Person
  readonly key: string
}
interface ApiRelief {
  readonly id: string
  readonly status: string
  readonly tired: { readonly name: string }
  readonly replacement: { readonly name: string } | null
}


describe('on-call health in headless Chromium', () => {
  let app: TestApp | undefined
  let browser: Browser | undefined
  let page: Page
  let hooks: WebhookReceiver
  let hookUrl: string
  let payments: HealthTeam
  let nightDesk: HealthTeam

  const call = async <T = any>(method: string, path: string, body?: unknown) => {
    if (app === undefined) throw new Error('the test app did not start')
    return app.call<T>(method, path, body)
  }
  const views = () => page.getByRole('navigation', { name: 'On-call health views' })
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage })

  /** A Berlin team with a weekly rotation of `names` (the first on call from Nov 16 09:00), a lead outside it, and a service paging the rotation. */
  const buildTeam = async (name: string, names: readonly string[]): Promise<HealthTeam> => {
    const team = await call<{ id: string; name: string }>('POST', '/api/v1/teams', { name, timeZone: ZONE })
    expect(team.status).toBe(201)
    const people: Person[] = []
    for (const person of names) {
      const p = await buildPagedPerson(app as TestApp, hookUrl, { name: person, timeZone: ZONE })
      await addMember(app as TestApp, team.body.id, p.id, 'responder')
      people.push(p)
    }
    const lead = await buildPagedPerson(app as TestApp, hookUrl, { name: `${name} lead`, timeZone: ZONE })
    await addMember(app as TestApp, team.body.id, lead.id, 'admin')
    const layer = { name: 'Weekly', startsAt: '2026-11-16T09:00:00+01:00', shiftLength: 1, shiftUnit: 'weeks', handoffTime: '09:00', members: people.map((p) => p.id) }
    const schedule = await buildSchedule(app as TestApp, team.body.id, [layer], { name: `${name} primary`, timeZone: ZONE })
    const service = await buildPagedService(app as TestApp, team.body.id, [{ targets: [{ type: 'schedule', id: schedule.id }], delayMinutes: 30 }])
    return { id: team.body.id, name, people, lead, key: service.key }
  }
  /** Triggers a critical alert on a team's service at the clock's now, and lets the engine page and act. */
  const pageTeam = async (team: HealthTeam, summary: string) => {
    const res = await call('POST', '/v2/enqueue', pdTrigger(team.key, summary, { dedup_key: summary }))
    expect(res.status).toBe(202)
    await app?.settle()
  }
  const reliefsOf = async (team: HealthTeam) => (await call<{ items: ApiRelief[] }>('GET', `/api/v1/reliefs?teamId=${team.id}`)).body.items

  beforeAll(async () => {
    requireUiAndChromium()
    hooks = new WebhookReceiver()
    hookUrl = await hooks.start()
    app = await startTestApp('sqlite', { demo: true, now: '2026-11-23T19:00:00Z' })
    payments = await buildTeam('Payments', ['Ana', 'Ben', 'Cleo', 'Dan'])
    nightDesk = await buildTeam('Night desk', ['Eve'])

    // 02:00 and 04:00 in Berlin: two wake-ups in one night meet the relief rule (2 per night).
    app.clock.set(Date.parse('2026-11-24T01:00:00Z'))
    await pageTeam(payments, 'Checkout 5xx above 5%')
    await pageTeam(nightDesk, 'Night batch stuck')
    app.clock.set(Date.parse('2026-11-24T03:00:00Z'))
    await pageTeam(payments, 'Checkout latency p99 above 2s')
    await pageTeam(nightDesk, 'Night batch still stuck')
    expect((await reliefsOf(payments)).map((r) => [r.status, r.tired.name])).toEqual([['active', 'Ben']])
    expect((await reliefsOf(nightDesk)).map((r) => [r.status, r.tired.name, r.replacement])).toEqual([['needed', 'Eve', null]])
    // 08:00 in Berlin: the lead looks at the team's health.
    app.clock.set(Date.parse('2026-11-24T07:00:00Z'))
    await app.settle()

    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/New_York', locale: 'en-GB', acceptDownloads: true })
    page = await context.newPage()
    page.setDefaultTimeout(8_000)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await hooks?.stop()
  })

  it('shows the night: heatmap in people’s own hours, burden bars, the sleep-in, the spent budget and the relief', async () => {
    await page.goto(`${app?.url ?? ''}/teams`)
    await page.getByLabel('API token').fill(ADMIN_TOKEN)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('navigation', { name: 'On-call health by team' }).getByRole('link', { name: /^Payments:/ }).click()
    await page.getByRole('heading', { level: 1, name: 'On-call health: Payments' }).waitFor()
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Health' }).getAttribute('aria-current')).toBe('page')

    // The heatmap puts the pages at 02:00 and 04:00 Berlin time, though the viewer is in New York.
    const heatmap = page.getByRole('table', { name: 'Pages by weekday and local hour' })
    await expect.poll(() => textOf(heatmap.locator('[data-cell="tue-02"]'))).toBe('1')
    expect(await heatmap.locator('[data-cell="tue-04"]').textContent()).toBe('1')
    expect(await heatmap.locator('[data-cell="tue-03"]').textContent()).toBe('')
    expect(await heatmap.locator('[data-cell="mon-20"]').textContent()).toBe('')
    expect(await heatmap.getByRole('cell', { name: 'Tue 02:00: 1 page' }).count()).toBe(1)
    expect(await page.getByText('in each person’s own time zone').count()).toBeGreaterThan(0)

    // Ben's bar: 2 pages, both in sleep hours, 2 wake-ups on 1 night.
    const burden = page.getByRole('table', { name: 'Burden per person' })
    const ben = burden.getByRole('row', { name: /^Ben/ })
    await expect.poll(() => textOf(ben)).toContain('2 pages: 2 in sleep hours · 0 off hours · 0 working')
    expect(await ben.textContent()).toContain('2 wake-ups')
    expect(await ben.textContent()).toContain('1 night disturbed')
    expect(await burden.getByRole('row', { name: /^Ana/ }).textContent()).toContain('0 pages')

    // Ben starts late today, in his own zone.
    await expect.poll(() => textOf(page.getByTestId('sleep-ins'))).toContain('Ben was woken at 02:00 and 04:00 (Europe/Berlin) — starts at 12:00 today')
    // Two wake-ups spent the budget of 2; the noisiest source is named.
    const budget = page.getByTestId('night-budget')
    await expect.poll(() => textOf(budget.locator('.budget__headline'))).toBe('Spent: 2 of 2')
    expect(await budget.textContent()).toMatch(/Noisiest sources this week:svc-\w+: 2 wake-ups, 2 alerts/)

    // A rested teammate holds the pager for Ben, with the reason.
    const [active] = await reliefsOf(payments)
    const relief = page.getByRole('article', { name: 'Relief for Ben' })
    await expect.poll(() => textOf(relief)).toMatch(new RegExp(`^Relieved\\s*Ben\\s*→\\s*${active?.replacement?.name ?? '?'} on Payments primary`))
    expect(await relief.textContent()).toContain('2 wake-ups in the night of 2026-11-23 (02:00, 04:00 Europe/Berlin) reached the limit of 2 per night')
    expect(await relief.textContent()).toContain('Thu 26 Nov, 04:00 CET')
    // The recommendations, with their figures and the rotation-size arithmetic, cite their sources.
    const recommendations = page.getByTestId('recommendations')
    await recommendations.getByRole('heading', { name: 'Recommendations' }).waitFor()
    await expect.poll(() => textOf(page.getByTestId('rotation'))).toContain('needs')
    const api = (await call<{ recommendations: { code: string; source: string }[] }>('GET', `/api/v1/teams/${payments.id}/oncall-health`)).body
    expect(await recommendations.locator('.recommendation').count()).toBe(api.recommendations.length)
    await shot('health')
  })

  it('declines the relief and shows the server’s outcome; the next rested person takes the pager', async () => {
    const [before] = await reliefsOf(payments)
    const decliner = before?.replacement?.name ?? '?'
    const relief = page.getByRole('article', { name: 'Relief for Ben' })
    await relief.getByRole('button', { name: /^Decline/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Decline the relief for Ben' })
    await dialog.getByLabel('Why (optional)').fill(`${decliner} is ill`)
    await dialog.getByRole('button', { name: 'Decline relief' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const outcome = await textOf(page.getByTestId('relief-outcome'))
    const [after] = await reliefsOf(payments)
    const next = after?.replacement?.name ?? '?'
    expect(after?.status).toBe('active')
    expect(next).not.toBe(decliner)
    expect(outcome).toMatch(new RegExp(`^${decliner} declined at Tue 2026-11-24 08:00 Europe/Berlin .+ \\(${decliner} is ill\\); ${next} takes the pager for Ben until Thu 2026-11-26 04:00`))
    await expect.poll(async () => (await relief.locator('.relief__headline').textContent()) ?? '').toMatch(new RegExp(`Ben\\s*→\\s*${next}`))
    await shot('health-relief-declined', false)
  })

  it('shows a relief nobody could take loudly, and an admin hands it to the team lead', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Health' }).click()
    await page.getByRole('link', { name: 'Night desk' }).click()
    await page.getByRole('heading', { level: 1, name: 'On-call health: Night desk' }).waitFor()
    const relief = page.getByRole('article', { name: 'Relief for Eve' })
    await expect.poll(() => textOf(relief)).toContain('Relief needed, nobody eligible — Eve still has the pager')
    await relief.scrollIntoViewIfNeeded()
    await shot('health-relief-needed', false)

    await relief.getByRole('button', { name: /^Take over/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Take over the relief for Eve' })
    // The administrator is not on the team: the API says so beside the picker.
    await dialog.getByLabel('Who takes the pager').selectOption({ label: 'You' })
    await dialog.getByRole('button', { name: 'Take over' }).click()
    await expect.poll(() => textOf(dialog.locator('.field__error'))).toContain('is neither on the team nor in the rotation')
    await dialog.getByLabel('Who takes the pager').selectOption({ label: `Night desk lead · ${ZONE}` })
    await dialog.getByRole('button', { name: 'Take over' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => textOf(page.getByTestId('relief-outcome'))).toMatch(/^Night desk lead took over at .+: Night desk lead has the pager for Eve until /)
    // The card shows the refetched relief once the list has reloaded.
    await expect.poll(() => textOf(relief.locator('.relief__headline'))).toMatch(/^Taken over\s*Eve\s*→\s*Night desk lead/)
    expect((await reliefsOf(nightDesk))[0]).toMatchObject({ status: 'taken_over', replacement: { name: 'Night desk lead' } })
  })

  it('changes the night budget in the settings (an invalid value first), and the dashboard follows', async () => {
    await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Payments' })
    await page.getByRole('heading', { level: 1, name: 'On-call health: Payments' }).waitFor()
    await views().getByRole('link', { name: 'Settings' }).click()
    const form = page.getByRole('form', { name: 'On-call health settings' })
    const budget = form.getByLabel('Night-page budget')
    // The form fills in once the team's settings have loaded.
    await expect.poll(() => budget.inputValue()).toBe('2')
    await budget.fill('99')
    await form.getByRole('button', { name: 'Save settings' }).click()
    await expect.poll(() => textOf(form.getByText('must be between 0 and 50'))).toBe('must be between 0 and 50')
    await expect.poll(() => budget.getAttribute('aria-invalid')).toBe('true')
    await budget.scrollIntoViewIfNeeded()
    await shot('health-settings-error', false)

    await budget.fill('3')
    await form.getByLabel('Recovery period (hours)').fill('36')
    await form.getByRole('button', { name: 'Save settings' }).click()
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await expect.poll(() => budget.getAttribute('aria-invalid')).toBe('false')
    const saved = await call('GET', `/api/v1/teams/${payments.id}/oncall-health-settings`)
    expect(saved.body).toMatchObject({ nightPageBudget: 3, relief: { wakeUpsPerNight: 2, recovery: { mode: 'recovery-period', hours: 36 } }, updatedAt: '2026-11-24T07:00:00.000Z' })

    // A webhook channel: the secret once, then a test message delivered to the receiver.
    const channels = page.getByRole('form', { name: 'Add a channel' })
    await channels.getByLabel('Type').selectOption('webhook')
    await channels.getByLabel('Address').fill('not a url')
    await channels.getByRole('button', { name: 'Add channel' }).click()
    await expect.poll(() => channels.getByLabel('Address').getAttribute('aria-invalid')).toBe('true')
    await channels.getByLabel('Address').fill(`${hookUrl}/team-room`)
    await channels.getByLabel('Label (optional)').fill('#payments')
    await channels.getByRole('button', { name: 'Add channel' }).click()
    await expect.poll(() => textOf(page.getByTestId('channel-signing-secret'))).toMatch(/^whsec_/)
    const table = page.getByRole('table', { name: 'Team channels' })
    await table.getByRole('button', { name: 'Test #payments' }).click()
    await page.getByText('Test message queued to “#payments”').waitFor()
    await app?.settle()
    await expect.poll(() => hooks.requests.filter((r) => r.path === '/team-room').length, { timeout: 5_000 }).toBeGreaterThan(0)
    // The list polls every 10 s; coming back to the page shows the delivery at once.
    await views().getByRole('link', { name: 'Dashboard' }).click()
    await page.getByTestId('night-budget').waitFor()
    await views().getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('table', { name: 'Recent team messages' }).getByRole('row', { name: /Test message for Payments.*sent/ }).waitFor()
    await shot('health-settings')

    await views().getByRole('link', { name: 'Dashboard' }).click()
    // The dashboard may first show its cached figures, then the refetched ones.
    await expect.poll(() => textOf(page.getByTestId('night-budget').locator('.budget__headline'))).toBe('2 of 3 spent · 1 left')
  })

  it('renders the weekly report and downloads the compensation CSV', async () => {
    await views().getByRole('link', { name: 'Weekly report' }).click()
    // The last complete week (W47) was quiet; this week so far has the night, and no later week can be picked.
    await expect.poll(() => textOf(page.getByTestId('weekly-report-text'))).toContain('week 2026-W47')
    await page.getByRole('button', { name: 'Next week →' }).click()
    await page.getByText('This week so far').waitFor()
    expect(new URL(page.url()).search).toBe('?week=2026-W48')
    await expect.poll(() => page.getByRole('button', { name: 'Next week →' }).isDisabled()).toBe(true)
    const text = await textOf(page.getByTestId('weekly-report-text'))
    expect(text).toContain('week 2026-W48')
    expect(text).toContain('Ben (Europe/Berlin): 2 pages, 2 in sleep hours, 2 wake-ups on 1 nights')
    const lieu = page.getByRole('table', { name: 'Time in lieu' })
    await expect.poll(() => textOf(lieu.getByRole('row', { name: /^Ben/ }))).toContain('2 h')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download compensation CSV' }).click()])
    expect(download.suggestedFilename()).toBe('compensation-Payments-2026-11-23.csv')
    const csv = readFileSync((await download.path()) ?? '', 'utf8')
    expect(csv.split('\r\n')[0]).toContain('minutes')
    expect(csv).toContain('Ben')
    await shot('health-report')
  })

  it('shows the demo team’s recommendations with their figures, the rotation-size arithmetic and their sources', async () => {
    const teams = (await call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/teams')).body.items
    const demo = teams.find((t) => t.name === 'Checkout (demo)')
    const api = (await call<{ recommendations: { code: string; message: string }[]; rotation: { text: string } }>('GET', `/api/v1/teams/${demo?.id ?? ''}/oncall-health`)).body
    expect(api.recommendations.map((r) => r.code)).toContain('rotation-too-small')
    await views().getByRole('link', { name: 'Dashboard' }).click()
    await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Checkout (demo)' })
    await page.getByRole('heading', { level: 1, name: 'On-call health: Checkout (demo)' }).waitFor()
    const list = page.getByTestId('recommendations')
    const small = list.locator('[data-code="rotation-too-small"]')
    await expect.poll(() => textOf(small)).toContain(api.recommendations.find((r) => r.code === 'rotation-too-small')?.message ?? '?')
    expect(await small.getByRole('definition').count()).toBeGreaterThan(3)
    await expect.poll(() => small.getByRole('link', { name: 'Google SRE book, ch. 11 "Being On-Call"' }).getAttribute('href')).toBe('https://sre.google/sre-book/being-on-call/')
    expect(await list.getByRole('link', { name: /PagerDuty Operational Reviews/ }).count()).toBe(1)
    await expect.poll(() => textOf(page.getByTestId('rotation'))).toContain(api.rotation.text)
    await page.locator('.health-grid--wide-left').screenshot({ path: join(SCREENSHOTS, 'health-recommendations.png') })
  })

  it('fits a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Payments' })
    await page.getByRole('heading', { level: 1, name: 'On-call health: Payments' }).waitFor()
    await page.getByTestId('night-budget').waitFor()
    await shot('health-phone', false)
    await page.setViewportSize({ width: 1280, height: 900 })
  })
})

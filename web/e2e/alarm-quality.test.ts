import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../../test/harness/app.js'
import { launchChromium, requireUiAndChromium, SCREENSHOTS, textOf } from './support.js'

// Alarm quality end to end in headless Chromium, as the team running payments-api would use it on
// a Tuesday morning in Berlin: a heartbeat that pages only after three missed pings, a threshold
// alarm that needs 2 of 3 breaching minutes, an alarm that flaps and pages once, an event rule
// that keeps canary probes quiet (and shows the event it held), and the noise report. The server's
// clock stands still unless the test moves it; the engine runs when the test says so.
const NOW = '2026-11-24T09:00:20Z'
const MIN = 60_000
const SERVICE = 'payments-api (demo)'
const HEARTBEAT = 'ledger-export'
const ALARM = 'checkout latency'
const FLAPPY = 'queue depth'
const RULE = 'Ignore canary probes'
const CANARY = 'canary deploy probe failed on payments-api-1'

interface ApiAlarm {
  readonly id: string
  readonly name: string
  readonly state: string
  readonly flapping: boolean
  readonly alert: { readonly id: string } | null
  readonly definition: { readonly threshold: Record<string, unknown> | null }
}

interface ApiAlert {
  readonly id: string
  readonly dedupKey: string
  readonly summary: string
  readonly status: string
}


describe('alarm quality in headless Chromium', () => {
  let app: TestApp | undefined
  let browser: Browser | undefined
  let page: Page
  let serviceId: string
  let routingKey: string
  let heartbeatId: string
  let alarmId: string
  let flappyId: string

  const url = (path: string) => `${app?.url ?? ''}${path}`
  const call = async <T>(method: string, path: string, body?: unknown) => {
    if (app === undefined) throw new Error('the test app did not start')
    return app.call<T>(method, path, body)
  }
  const settle = async (times = 2) => {
    for (let i = 0; i < times; i++) await app?.settle()
  }
  const now = () => app?.clock.now() ?? 0
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage })
  const openAlerts = async () => (await call<{ items: ApiAlert[] }>('GET', `/api/v1/alerts?serviceId=${serviceId}&status=open`)).body.items
  /** Pushes datapoints of `metric` as monitoring would, one per minute `minutesAgo` before the current minute. */
  const push = async (metric: string, labels: Record<string, string>, values: readonly [minutesAgo: number, value: number][]) => {
    const minute = now() - (now() % MIN)
    const datapoints = values.map(([ago, value]) => ({ name: metric, labels, value, timestamp: new Date(minute - ago * MIN + 1000).toISOString() }))
    const res = await call('POST', '/api/v1/metrics', { datapoints })
    expect(res.status, JSON.stringify(res.body)).toBe(202)
  }
  const enqueue = async (dedupKey: string, summary: string) => {
    const res = await fetch(url('/v2/enqueue'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ routing_key: routingKey, event_action: 'trigger', dedup_key: dedupKey, payload: { summary, source: 'payments-api-1', severity: 'critical' } }),
    })
    expect(res.status).toBe(202)
  }

  beforeAll(async () => {
    requireUiAndChromium()
    app = await startTestApp('sqlite', { demo: true, now: NOW })
    const services = await call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/services')
    serviceId = services.body.items.find((s) => s.name === SERVICE)?.id ?? ''
    expect(serviceId, SERVICE).not.toBe('')
    const integration = await call<{ key: string }>('POST', `/api/v1/services/${serviceId}/integrations`, { name: 'e2e monitoring' })
    expect(integration.status).toBe(201)
    routingKey = integration.body.key

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

  it('creates a heartbeat (the API’s field error first), shows its ping URL once, sees it up, and down with an alert after three missed pings', async () => {
    await page.goto(url('/alarms/heartbeats'))
    await page.getByLabel('API token').fill(ADMIN_TOKEN)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { level: 1, name: 'Heartbeats' }).waitFor()
    await page.getByRole('navigation', { name: 'Alarm quality' }).getByRole('link', { name: 'Heartbeats' }).waitFor()

    await page.getByRole('button', { name: 'Create heartbeat' }).click()
    const dialog = page.getByRole('dialog', { name: 'Create heartbeat' })
    await dialog.getByLabel('Service').selectOption({ label: SERVICE })
    await dialog.getByLabel('Name').fill(HEARTBEAT)
    await dialog.getByLabel('Every', { exact: true }).fill('5')
    await dialog.getByLabel('Misses in a row that page (N)').fill('3')
    // Half a minute of grace is below the API's minute: it says so beside the field.
    const grace = dialog.getByLabel('Grace (minutes)')
    await grace.fill('0.5')
    await dialog.getByRole('button', { name: 'Create heartbeat' }).click()
    await expect.poll(() => grace.getAttribute('aria-invalid')).toBe('true')
    await expect.poll(() => textOf(dialog.locator('.field--invalid .field__error'))).toContain('must be a whole number of seconds from 1 min to 365 d')
    await grace.fill('1')
    await expect.poll(() => textOf(dialog.getByRole('status'))).toBe('3 misses in a row page: it pages after 16 min without a ping.')
    await shot('alarms-heartbeat-form', false)
    await dialog.getByRole('button', { name: 'Create heartbeat' }).click()
    await dialog.waitFor({ state: 'hidden' })

    // The ping URL and the lines to paste, once.
    const notice = page.getByTestId('ping-url-notice')
    const pingUrl = await textOf(notice.getByTestId('ping-url'))
    expect(pingUrl).toMatch(/\/ping\/[A-Za-z0-9_-]{10,}$/)
    const commands = await textOf(notice.locator('.ping-notice__commands'))
    expect(commands).toContain(`curl -fsS --retry 3 ${pingUrl}`)
    expect(commands).toContain(`curl -fsS --retry 3 ${pingUrl}/start`)
    expect(commands).toContain(`curl -fsS --retry 3 --data-binary @job.log ${pingUrl}/fail`)
    await shot('alarms-heartbeat-ping-url')
    const list = (await call<{ items: { id: string; name: string; status: string }[] }>('GET', `/api/v1/heartbeats?serviceId=${serviceId}`)).body.items
    heartbeatId = list.find((h) => h.name === HEARTBEAT)?.id ?? ''
    expect(list.find((h) => h.name === HEARTBEAT)?.status).toBe('new')
    await notice.getByRole('button', { name: 'I have copied it' }).click()
    await notice.waitFor({ state: 'hidden' })

    // The job pings (the harness listens on its own port; the path is the credential).
    const pingPath = new URL(pingUrl).pathname
    const ping = await fetch(url(pingPath))
    expect([ping.status, await ping.text()]).toEqual([200, 'OK\n'])
    await settle()
    await page.reload()
    const row = page.getByRole('table', { name: 'Heartbeats' }).getByRole('row', { name: new RegExp(HEARTBEAT) })
    await expect.poll(() => textOf(row.locator('.hb-chip'))).toBe('Up')
    expect(await row.textContent()).toContain('every 5 min')
    expect(await row.textContent()).toContain('3 misses in a row page')
    expect(await row.textContent()).toContain('just now')
    // Shown once: after a reload the URL is nowhere on the page.
    expect(await page.getByTestId('ping-url').count()).toBe(0)

    // Three intervals (and the grace) pass without a ping: down, and its alert opens.
    app?.clock.advance(16 * MIN + 5_000)
    await settle()
    await page.goto(url(`/alarms/heartbeats/${heartbeatId}`))
    await page.getByRole('heading', { level: 1, name: HEARTBEAT }).waitFor()
    await expect.poll(() => textOf(page.locator('h1 .hb-chip'))).toBe('Down')
    await expect.poll(() => textOf(page.getByTestId('heartbeat-alert'))).toContain('3 pings in a row were missed: its alert is open.')
    const alert = (await openAlerts()).find((a) => a.dedupKey === `heartbeat:1:${heartbeatId}`)
    expect(alert?.summary).toContain(`"${HEARTBEAT}" missed 3 pings in a row`)
    await shot('alarms-heartbeat-down')

    // A failing run reports with its log: the body shows in the pings.
    const fail = await fetch(url(`${pingPath}/fail`), { method: 'POST', body: 'pg_dump: error: connection to ledger-db refused', headers: { 'content-type': 'text/plain' } })
    expect(fail.status).toBe(200)
    await settle()
    await page.reload()
    const pings = page.getByRole('table', { name: 'Pings' })
    await expect.poll(() => textOf(pings.getByRole('row').nth(1))).toContain('pg_dump: error: connection to ledger-db refused')
    expect(await pings.getByRole('row').nth(2).textContent()).toContain('Success')
    await expect.poll(() => textOf(page.locator('h1 .hb-chip'))).toBe('Failing')
    await shot('alarms-heartbeat-fail')
    await page.getByTestId('heartbeat-alert').getByRole('link', { name: 'Open the alert →' }).click()
    await page.getByRole('heading', { level: 1, name: new RegExp(`${HEARTBEAT}.*missed 3 pings`) }).waitFor()
  })

  it('creates a threshold alarm needing 2 of 3 datapoints in the UI; pushed metrics take it to ALARM, with its chart and history', async () => {
    await page.goto(url('/alarms'))
    await page.getByRole('heading', { level: 1, name: 'Alarms' }).waitFor()
    await page.getByRole('button', { name: 'Create alarm' }).click()
    const dialog = page.getByRole('dialog', { name: 'Create alarm' })
    await dialog.getByLabel('Service').selectOption({ label: SERVICE })
    await dialog.getByLabel('Name', { exact: true }).fill(ALARM)
    await dialog.getByLabel('Metric name').fill('checkout_latency_ms')
    await dialog.getByLabel('Label selector').fill('route=/pay')
    await dialog.getByLabel('Statistic').selectOption('avg')
    await dialog.getByLabel('Period (minutes)').fill('1')
    await dialog.getByLabel('Comparison').selectOption('>')
    await dialog.getByLabel('Threshold', { exact: true }).fill('500')
    const recovery = dialog.getByLabel('Recovery threshold (optional)')
    await recovery.fill('600')
    await dialog.getByLabel('Datapoints to alarm (M)').fill('2')
    await dialog.getByLabel('Evaluation periods (N)').fill('3')
    await dialog.getByRole('radio', { name: /Not breaching \(good\)/ }).check()
    await expect.poll(() => textOf(dialog.getByTestId('m-of-n-explanation'))).toBe(
      'ALARM when 2 of the last 3 periods of 1 min breach: a lone breaching period never pages, while a problem that flickers (breaching 2 times in 3 min) still does; the soonest it pages is after 2 min.',
    )
    // A recovery threshold above a ">" threshold is refused beside the field.
    await dialog.getByRole('button', { name: 'Create alarm' }).click()
    await expect.poll(() => recovery.getAttribute('aria-invalid')).toBe('true')
    await expect.poll(() => textOf(dialog.locator('.field--invalid .field__error'))).toContain('must be below the threshold')
    await recovery.scrollIntoViewIfNeeded()
    await shot('alarms-form', false)
    await recovery.fill('400')
    await dialog.getByRole('button', { name: 'Create alarm' }).click()
    await page.getByRole('heading', { level: 1, name: ALARM }).waitFor()
    alarmId = new URL(page.url()).pathname.split('/').pop() ?? ''
    const created = (await call<ApiAlarm>('GET', `/api/v1/alarms/${alarmId}`)).body
    expect(created.definition.threshold).toMatchObject({ metric: 'checkout_latency_ms', selector: { route: '/pay' }, statistic: 'avg', periodSeconds: 60, comparison: '>', threshold: 500, recoveryThreshold: 400, evaluationPeriods: 3, datapointsToAlarm: 2, treatMissingData: 'notBreaching' })
    await settle()

    // Twenty quiet minutes, then three slow ones: 2 of the last 3 breach, and more.
    const quiet: [number, number][] = Array.from({ length: 18 }, (_, i) => [20 - i, 300 + ((i * 7) % 5) * 15])
    await push('checkout_latency_ms', { route: '/pay' }, [...quiet, [2, 700], [1, 720], [0, 740]])
    app?.clock.advance(MIN)
    await settle()
    const alarmed = (await call<ApiAlarm>('GET', `/api/v1/alarms/${alarmId}`)).body
    expect(alarmed.state).toBe('ALARM')
    expect(alarmed.alert).not.toBeNull()

    await page.reload()
    await page.getByRole('heading', { level: 1, name: ALARM }).waitFor()
    await expect.poll(() => textOf(page.locator('h1 .alarm-chip'))).toBe('ALARM')
    await expect.poll(() => textOf(page.getByTestId('alarm-reason'))).toContain('3 of 3 datapoints > 500; alarms at 2')
    const chart = page.getByTestId('alarm-chart')
    await expect.poll(() => chart.getByRole('img').getAttribute('aria-label')).toMatch(/avg of checkout_latency_ms\{route="\/pay"\} per period: 21 of \d+ periods have data, 3 breach the threshold > 500/)
    expect(await chart.locator('.alarm-chart__band').count()).toBe(3)
    expect(await chart.locator('.alarm-chart__threshold').count()).toBe(1)
    expect(await chart.locator('.alarm-chart__recovery').count()).toBe(1)
    const history = page.getByRole('list', { name: 'State history' })
    await expect.poll(() => textOf(history.getByRole('listitem').first())).toMatch(/^.*OK → ALARM\s*3 of 3 datapoints > 500; alarms at 2/)
    expect(await history.textContent()).toContain('INSUFFICIENT DATA → OK')
    expect(await page.getByRole('region', { name: 'Now' }).getByRole('link', { name: /triggered \(high urgency\)/ }).count()).toBe(1)
    await shot('alarms-detail')
  })

  it('marks an alarm that flips every minute as flapping: it pages once, not on every flip', async () => {
    const created = await call<ApiAlarm>('POST', `/api/v1/services/${serviceId}/alarms`, { name: FLAPPY, metric: 'queue_depth', comparison: '>', threshold: 100, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: 'notBreaching' })
    expect(created.status).toBe(201)
    flappyId = created.body.id
    for (let i = 0; i < 14; i++) {
      await push('queue_depth', {}, [[0, i % 2 === 0 ? 150 : 20]])
      app?.clock.advance(MIN)
      await settle(1)
    }
    const flappy = (await call<ApiAlarm>('GET', `/api/v1/alarms/${created.body.id}`)).body
    expect(flappy.flapping).toBe(true)
    const alerts = (await call<{ items: ApiAlert[] }>('GET', `/api/v1/alerts?serviceId=${serviceId}&status=triggered,acknowledged,resolved`)).body.items.filter((a) => a.dedupKey === `alarm:1:${created.body.id}`)
    expect(alerts).toHaveLength(1)

    await page.goto(url('/alarms'))
    const table = page.getByRole('table', { name: 'Alarms' })
    const row = table.getByRole('row', { name: new RegExp(FLAPPY) })
    await expect.poll(() => textOf(row.locator('.badge--flapping'))).toBe('Flapping: pages once, not on every flip')
    // The latency alarm has had no data for 14 minutes ("not breaching"): it is OK again.
    await expect.poll(() => textOf(table.getByRole('row', { name: new RegExp(ALARM) }).locator('.alarm-chip'))).toBe('OK')
    await shot('alarms')
    await row.getByRole('link', { name: FLAPPY, exact: true }).click()
    await expect.poll(() => textOf(page.getByRole('status').filter({ hasText: 'Flapping: pages once, not on every flip.' }))).toContain('Its one alert stays open')
  })

  it('suppresses canary events with a rule made in the UI (an unsafe regex refused first) and shows the event with the rule that held it', async () => {
    await page.goto(url(`/alarms/event-rules?service=${serviceId}`))
    await page.getByRole('heading', { level: 2, name: `Rules of ${SERVICE}, in order` }).waitFor()
    await page.getByRole('button', { name: 'Add rule' }).click()
    const dialog = page.getByRole('dialog', { name: `Add event rule to ${SERVICE}` })
    await dialog.getByLabel('Name').fill(RULE)
    const condition = dialog.getByRole('group', { name: 'Condition 1' })
    await condition.getByLabel('Field').selectOption('summary')
    await condition.getByLabel('Operator').selectOption('matches')
    const regex = condition.getByLabel('Regular expression')
    await regex.fill('(a+)+$')
    await dialog.getByRole('checkbox', { name: /Suppress/ }).check()
    await dialog.getByRole('button', { name: 'Add rule' }).click()
    await expect.poll(() => regex.getAttribute('aria-invalid')).toBe('true')
    await expect.poll(() => textOf(condition.locator('.field__error'))).toContain('nested repeats such as (a+)+ can take exponential time')
    await shot('alarms-event-rule-errors', false)
    await condition.getByLabel('Operator').selectOption('contains')
    await condition.getByLabel('Value').fill('canary')
    await dialog.getByRole('button', { name: 'Add rule' }).click()
    await dialog.waitFor({ state: 'hidden' })

    const rules = page.getByRole('list', { name: 'Event rules' })
    const rule = rules.getByRole('listitem', { name: RULE })
    await expect.poll(() => textOf(rule)).toContain('When summary contains “canary”')
    expect(await rule.textContent()).toContain('Then suppress: keep the alert, notify nobody')
    // A second rule from the API; Up puts it first (no drag needed).
    const hold = await call<{ id: string }>('POST', `/api/v1/services/${serviceId}/event-rules`, { name: 'Hold GC pauses', conditions: [{ field: 'summary', op: 'contains', value: 'GC pause' }], actions: { pageIfStillOpenAfter: { minutes: 10 } } })
    expect(hold.status).toBe(201)
    await page.reload()
    await rules.getByRole('listitem', { name: 'Hold GC pauses' }).getByRole('button', { name: 'Up Hold GC pauses' }).click()
    await expect.poll(async () => (await call<{ items: { name: string }[] }>('GET', `/api/v1/services/${serviceId}/event-rules`)).body.items.map((r) => r.name)).toEqual(['Hold GC pauses', RULE])
    await expect.poll(async () => (await rules.getByRole('listitem').first().getAttribute('aria-label')) ?? '').toBe('Hold GC pauses')

    await enqueue('canary-1', CANARY)
    await enqueue('gc-1', 'GC pause 4 s on payments-api-2')
    await settle()
    const alert = (await openAlerts()).find((a) => a.dedupKey === 'canary-1')
    expect(alert?.status).toBe('triggered')

    await page.getByRole('navigation', { name: 'Event outcome' }).getByRole('link', { name: 'Suppressed' }).click()
    const events = page.getByRole('table', { name: 'Events' })
    const row = events.getByRole('row', { name: new RegExp(CANARY) })
    await expect.poll(() => textOf(row.locator('.badge'))).toBe('Suppressed')
    expect(await row.locator('.aq-events__rule').textContent()).toBe(RULE)
    expect(await events.getByRole('row').count()).toBe(2)
    await page.getByRole('navigation', { name: 'Event outcome' }).getByRole('link', { name: 'All events' }).click()
    const held = events.getByRole('row', { name: /GC pause 4 s/ })
    await expect.poll(() => textOf(held.locator('.badge'))).toBe('Held')
    expect(await held.textContent()).toContain('Held: pages in 10 min if still open')
    expect(await held.locator('.aq-events__rule').textContent()).toBe('Hold GC pauses')
    await shot('alarms-events')
  })

  it('ranks the alarms whose alerts were resolved as noise, and leads to the threshold suggestion', async () => {
    // The alarm's alert may have resolved by itself meanwhile (no data is "not breaching"): then only its outcome is recorded.
    const all = (await call<{ items: ApiAlert[] }>('GET', `/api/v1/alerts?serviceId=${serviceId}&status=triggered,acknowledged,resolved`)).body.items
    for (const key of [`alarm:1:${alarmId}`, `alarm:1:${flappyId}`, `heartbeat:1:${heartbeatId}`]) {
      const alert = all.find((a) => a.dedupKey === key)
      expect(alert, key).toBeDefined()
      const action = alert?.status === 'resolved' ? 'outcome' : 'resolve'
      expect((await call('POST', `/api/v1/alerts/${alert?.id ?? ''}/${action}`, { outcome: 'noise', note: 'nobody needed to act' })).status).toBe(200)
    }
    await page.goto(url('/alarms/noise'))
    await page.getByRole('heading', { level: 1, name: 'Noise report' }).waitFor()
    const table = page.getByRole('table', { name: 'Noisy alarms' })
    const row = table.getByRole('row', { name: new RegExp(`Alarm "${ALARM}"`) })
    await expect.poll(() => textOf(row)).toContain('100%')
    expect(await row.textContent()).toContain(SERVICE)
    expect(await table.getByRole('row', { name: new RegExp(`Heartbeat "${HEARTBEAT}"`) }).count()).toBe(1)
    expect(await table.getByRole('row', { name: new RegExp(`Alarm "${FLAPPY}"`) }).count()).toBe(1)
    await shot('alarms-noise')

    await row.getByRole('link', { name: `Alarm "${ALARM}"`, exact: true }).click()
    await page.getByRole('heading', { level: 1, name: ALARM }).waitFor()
    const suggestion = page.getByRole('region', { name: 'Realistic threshold' })
    await expect.poll(() => textOf(suggestion.getByTestId('suggestion-text'))).toMatch(/^Fires .* at the current threshold \(> 500\); > \d+ would fire/)
    // Applying it PATCHes the alarm with the suggested threshold.
    const suggested = (await call<{ suggested: number }>('GET', `/api/v1/alarms/${alarmId}/threshold-suggestion`)).body.suggested
    await suggestion.getByRole('button', { name: `Apply threshold ${suggested}` }).click()
    await page.getByRole('status').filter({ hasText: `The threshold is now ${suggested}` }).waitFor()
    expect((await call<ApiAlarm>('GET', `/api/v1/alarms/${alarmId}`)).body.definition.threshold).toMatchObject({ threshold: suggested, recoveryThreshold: 400 })

    // On a phone, the alarm page stacks its panels.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.getByTestId('alarm-chart').waitFor()
    await shot('alarms-phone')
    await page.setViewportSize({ width: 1280, height: 900 })
  })
})

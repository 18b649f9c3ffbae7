import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../../test/harness/app.js'
import { launchChromium, requireUiAndChromium, SCREENSHOTS, textOf } from './support.js'

// Change safety end to end in headless Chromium. It is Tuesday 24 Nov 2026, 11:00 in Berlin (the
// demo team's zone and the browser's; the admin's own zone is UTC): the admin writes a change
// request against the live preview (a roll-forward plan is refused, concrete steps pass, the
// blast radius reaches checkout-web), a teammate approves it from their inbox, the calendar shows
// the week with a freeze, and an alert 40 min after the change's deploy shows it first, with its
// rollback plan and a Roll back button. The server's clock stands still unless the test moves it.
const NOW = '2026-11-24T10:00:00Z'
const MINUTE = 60_000
const SERVICE = 'payments-api (demo)'
const TITLE = 'Add a refunds index to payments-api'
const STEP_1 = 'Redeploy the previous version v1.42.0 of payments-api'
const STEP_2 = 'Turn off flag refunds_index_reads in payments-api'
const FREEZE = 'Black Friday freeze'

interface ApiChange {
  readonly key: string
  readonly state: string
  readonly serviceIds: string[]
  readonly rollbackPlan: { steps: string[]; estimatedMinutes: number }
  readonly approvals: { userName: string; scope: string }[]
  readonly plannedAt: string | null
}
interface ApiDeployment {
  readonly id: string
  readonly kind: string
  readonly version: string
  readonly status: string
  readonly rollsBackId: string | null
}


describe('change safety in headless Chromium', () => {
  let app: TestApp | undefined
  let browser: Browser | undefined
  let context: BrowserContext
  let page: Page
  let serviceId: string
  let teamId: string
  let reviewerToken: string

  const call = async <T>(method: string, path: string, body?: unknown, token?: string | null) => {
    if (app === undefined) throw new Error('the test app did not start')
    return app.call<T>(method, path, body, token)
  }
  const shot = (p: Page, name: string, fullPage = true) => p.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage })
  const signIn = async (p: Page, token: string) => {
    await p.getByLabel('API token').fill(token)
    await p.getByRole('button', { name: 'Sign in' }).click()
  }

  beforeAll(async () => {
    requireUiAndChromium()
    app = await startTestApp('sqlite', { demo: true, now: NOW })

    const services = await call<{ items: { id: string; name: string; teamId: string }[] }>('GET', '/api/v1/services')
    const service = services.body.items.find((s) => s.name === SERVICE)
    expect(service, SERVICE).toBeDefined()
    serviceId = service?.id ?? ''
    teamId = service?.teamId ?? ''

    // A teammate who may approve: a responder of the team that owns payments-api.
    const reviewer = await call<{ id: string }>('POST', '/api/v1/users', { name: 'Rita Reviewer', email: 'rita@example.com', timeZone: 'Europe/Berlin' })
    expect(reviewer.status).toBe(201)
    expect((await call('PUT', `/api/v1/teams/${teamId}/members`, { userId: reviewer.body.id, role: 'responder' })).status).toBe(200)
    const token = await call<{ token: string }>('POST', `/api/v1/users/${reviewer.body.id}/tokens`, { name: 'e2e' })
    expect(token.status).toBe(201)
    reviewerToken = token.body.token

    browser = await launchChromium()
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-GB' })
    page = await context.newPage()
    page.setDefaultTimeout(8_000)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('refuses a roll-forward plan live, accepts concrete steps, shows the blast radius, and keeps the author from approving', async () => {
    await page.goto(`${app?.url ?? ''}/changes/new`)
    await signIn(page, ADMIN_TOKEN)
    await page.getByRole('heading', { level: 1, name: 'New change request' }).waitFor()
    const form = page.getByRole('form', { name: 'Change request' })
    const preview = page.getByRole('complementary', { name: 'Check as you type' })
    await form.getByLabel('Title').fill(TITLE)
    await form.getByLabel(SERVICE).check()
    await form.getByLabel('Description').fill('Adds an index for refund lookups; reads switch to it behind a flag.')
    await form.getByLabel('Worst case').fill('Card payments fail for every customer until the previous version is redeployed')
    await form.getByLabel('Rollback step 1', { exact: true }).fill('roll forward with a hotfix')
    await form.getByLabel('Rollback takes (minutes)').fill('10')
    await form.getByLabel('Verification step 1', { exact: true }).fill('p99 of /pay stays under 300 ms for 15 min')
    // The admin's zone is UTC: 10:00 UTC is 11:00 in Berlin, inside Wednesday's window.
    await form.getByLabel('Planned for').fill('2026-11-25T10:00')

    // The roll-forward step is rejected beside it, with the API's reason, and Submit stays off.
    const firstGrade = form.getByTestId('step-grade').first()
    await expect.poll(() => firstGrade.textContent()).toMatch(/^✗ Rejected, roll forward:/)
    expect(await firstGrade.textContent()).toContain('fixes forward instead of rolling back')
    await expect.poll(() => form.getByLabel('Rollback step 1', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    const submitButton = form.getByRole('button', { name: 'Submit for review' })
    await expect.poll(() => submitButton.isDisabled()).toBe(true)
    await expect.poll(() => textOf(form.getByTestId('submit-gate'))).toMatch(/^Submitting is blocked by 2 problems/)
    const blockers = await textOf(preview.getByTestId('submit-blockers'))
    expect(blockers).toContain('Rollback step 1:')
    expect(blockers).toContain('this is a roll-forward plan')
    await form.getByLabel('Rollback step 1', { exact: true }).scrollIntoViewIfNeeded()
    await shot(page, 'changes-form-rejected', false)

    // Concrete steps: each is graded ✓, nothing blocks, and Submit turns on.
    await form.getByLabel('Rollback step 1', { exact: true }).fill(STEP_1)
    await form.getByRole('button', { name: '+ Add a rollback step' }).click()
    await form.getByLabel('Rollback step 2', { exact: true }).fill(STEP_2)
    await expect.poll(() => form.getByTestId('step-grade').allTextContents()).toEqual([
      expect.stringMatching(/^✓ Concrete: names an undo action \(redeploy the previous version\)/),
      expect.stringMatching(/^✓ Concrete: names an undo action \(turn off\)/),
    ])
    await expect.poll(() => submitButton.isDisabled()).toBe(false)
    await expect.poll(() => textOf(form.getByTestId('submit-gate'))).toBe('Ready to submit for review.')
    await expect.poll(() => textOf(preview)).toContain('✓ Nothing blocks submitting it.')

    // The blast radius follows the graph: checkout-web depends on payments-api.
    const radius = preview.getByRole('table', { name: 'Blast radius' })
    const rows = await radius.getByRole('row').allTextContents()
    expect(rows.slice(1)).toEqual([expect.stringMatching(/^payments-api \(demo\)touchedCheckout \(demo\)\w/), expect.stringMatching(/^checkout-web \(demo\)depends on it directlyCheckout \(demo\)\w/)])
    await expect.poll(() => textOf(form.getByTestId('risk-hint'))).toContain('Tend suggests')
    await shot(page, 'changes-form-accepted')

    await submitButton.click()
    await page.getByRole('heading', { level: 1, name: `CR-1 ${TITLE}` }).waitFor()
    await expect.poll(() => textOf(page.locator('.alert-header__meta .change-state'))).toBe('Submitted')
    // Two-person rule: the author sees why there is no Approve button.
    await expect.poll(() => textOf(page.getByTestId('two-person-rule'))).toContain('you wrote this change, so you cannot approve it')
    expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0)
    await expect.poll(() => textOf(page.getByRole('region', { name: 'Rollback plan' }))).toContain(`${STEP_1}✓ Concrete`)
    await shot(page, 'changes-detail-submitted')

    const stored = await call<ApiChange>('GET', '/api/v1/changes/CR-1')
    expect(stored.body).toMatchObject({ state: 'submitted', serviceIds: [serviceId], rollbackPlan: { steps: [STEP_1, STEP_2], estimatedMinutes: 10 }, plannedAt: '2026-11-25T10:00:00.000Z' })
    // The API agrees: the author cannot approve their own change.
    expect((await call('POST', '/api/v1/changes/CR-1/approve', {})).status).toBe(403)
  })

  it('lets a teammate approve it from their inbox (the nav counts it), and the API agrees', async () => {
    const other = await browser?.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-GB' })
    if (other === undefined) throw new Error('no browser')
    const rita = await other.newPage()
    rita.setDefaultTimeout(8_000)
    try {
      await rita.goto(`${app?.url ?? ''}/changes/inbox`)
      await signIn(rita, reviewerToken)
      await rita.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor()
      await expect.poll(() => textOf(rita.getByRole('navigation', { name: 'Main' }).getByTestId('approval-count'))).toBe('1 waiting for your approval')
      const card = rita.getByRole('article', { name: `CR-1 ${TITLE}` })
      const text = await textOf(card)
      expect(text).toContain('Card payments fail for every customer')
      expect(text).toContain(STEP_1)
      await shot(rita, 'changes-inbox')
      await card.getByRole('button', { name: 'Approve CR-1' }).click()
      await rita.getByText('Approved CR-1.').waitFor()
      await rita.getByRole('region', { name: 'Waiting for your approval' }).getByText('Nothing to approve.').waitFor()
      await expect.poll(() => rita.getByTestId('approval-count').count()).toBe(0)
    } finally {
      await other.close()
    }
    const approved = await call<ApiChange>('GET', '/api/v1/changes/CR-1')
    expect(approved.body.state).toBe('approved')
    expect(approved.body.approvals).toMatchObject([{ userName: 'Rita Reviewer', scope: 'change' }])

    await page.reload()
    await expect.poll(() => textOf(page.locator('.alert-header__meta .change-state'))).toBe('Approved')
    await expect.poll(() => textOf(page.getByRole('list', { name: 'Approvals' }))).toContain('Approved Rita Reviewer')
  })

  it('shows the week: deploy windows with the support tail, a named freeze, the planned change and now', async () => {
    const freeze = await call('POST', '/api/v1/freezes', { name: FREEZE, start: '2026-11-26T18:00:00+01:00', end: '2026-11-30T06:00:00+01:00', scope: { kind: 'teams', teamIds: [teamId] }, reason: 'peak season' })
    expect(freeze.status).toBe(201)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Changes/ }).click()
    await page.getByRole('navigation', { name: 'Change safety' }).getByRole('link', { name: 'Calendar' }).click()
    await page.getByRole('heading', { level: 2, name: 'Mon 23 Nov – Sun 29 Nov 2026' }).waitFor()
    await expect.poll(() => textOf(page.getByTestId('calendar-zone'))).toContain('Times in Europe/Berlin (CET), the zone of Checkout (demo)’s deploy policy')

    const day = (label: string) => page.getByRole('listitem', { name: label })
    const tuesday = day('Tue 24 Nov')
    await expect.poll(() => textOf(tuesday.locator('.cal-seg--deployable'))).toBe('Deploy 09:00–14:00')
    await expect.poll(() => textOf(tuesday.locator('.cal-seg--tail'))).toBe('Tail 14:00–17:00')
    expect(await tuesday.getByTestId('calendar-now').count()).toBe(1)
    expect(await page.getByTestId('calendar-now').count()).toBe(1)
    await expect.poll(() => textOf(day('Wed 25 Nov').getByTestId('calendar-change'))).toBe('◆ CR-1')
    await expect.poll(() => day('Wed 25 Nov').getByTestId('calendar-change').getAttribute('title')).toContain('CR-1 “Add a refunds index to payments-api” (approved), Wed 25 Nov, 11:00 CET')
    // The freeze starts Thursday 18:00: Thursday keeps its deploy window, Friday has none left.
    await expect.poll(() => textOf(day('Thu 26 Nov').locator('.cal-freeze__name'))).toBe(FREEZE)
    await expect.poll(() => textOf(day('Thu 26 Nov').locator('.cal-seg--deployable'))).toBe('Deploy 09:00–14:00')
    await expect.poll(() => textOf(day('Fri 27 Nov').locator('.cal-freeze__name'))).toBe(FREEZE)
    expect(await day('Fri 27 Nov').locator('.cal-seg--deployable').count()).toBe(0)
    await expect.poll(() => textOf(page.getByRole('region', { name: 'Freezes' }))).toContain(`${FREEZE} Thu 26 Nov, 18:00 – Mon 30 Nov, 06:00 CET · teams: Checkout (demo) · peak season`)
    await shot(page, 'changes-calendar')

    await page.getByRole('button', { name: 'Next week →' }).click()
    await page.getByRole('heading', { level: 2, name: 'Mon 30 Nov – Sun 6 Dec 2026' }).waitFor()
    await expect.poll(() => textOf(day('Mon 30 Nov').locator('.cal-freeze__name'))).toBe(FREEZE)
    expect(await page.getByTestId('calendar-now').count()).toBe(0)
    await page.getByRole('button', { name: 'This week' }).click()
    await page.getByRole('heading', { level: 2, name: 'Mon 23 Nov – Sun 29 Nov 2026' }).waitFor()
  })

  it('answers a deploy check with every reason and the next allowed time', async () => {
    await page.getByRole('navigation', { name: 'Change safety' }).getByRole('link', { name: 'Deploy check' }).click()
    const form = page.getByRole('form', { name: 'Deploy check' })
    await form.getByLabel('Service').selectOption({ label: SERVICE })
    await form.getByLabel('When').fill('2026-11-27T10:00')
    await form.getByRole('button', { name: 'Check' }).click()
    const verdict = page.getByTestId('deploy-verdict')
    await expect.poll(() => textOf(verdict.getByRole('heading', { level: 2 }))).toBe(`✗ Denied: deploying ${SERVICE} at Fri 27 Nov, 10:00 UTC`)
    expect(await verdict.textContent()).toContain(`FREEZE deny freeze "${FREEZE}" until Mon 06:00 Europe/Berlin: peak season`)
    await expect.poll(() => textOf(verdict.getByTestId('next-allowed'))).toContain('Next allowed: Mon 30 Nov, 08:00 UTC')
    await shot(page, 'changes-deploy-check')
  })

  it('puts the deploy 40 min before an alert first in its recent changes, with the plan one click away, and records Roll back', async () => {
    // Earlier today v1.42.0 went out; 20 min later CR-1 deployed v1.43.0; 40 min after that, errors.
    const first = await call<{ deployment: ApiDeployment }>('POST', '/api/v1/deployments', { service: serviceId, version: 'v1.42.0', source: 'ci' })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    app?.clock.advance(20 * MINUTE)
    const deploy = await call<{ deployment: ApiDeployment }>('POST', '/api/v1/deployments', { service: serviceId, version: 'v1.43.0', change: 'CR-1', source: 'ci' })
    expect(deploy.status, JSON.stringify(deploy.body)).toBe(201)
    app?.clock.advance(40 * MINUTE)
    const integration = await call<{ key: string }>('POST', `/api/v1/services/${serviceId}/integrations`, { name: 'e2e monitoring' })
    const res = await fetch(`${app?.url ?? ''}/v2/enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ routing_key: integration.body.key, event_action: 'trigger', dedup_key: 'refund-errors', payload: { summary: 'Refund errors on /pay', source: 'payments-api-1', severity: 'critical' } }),
    })
    expect(res.status).toBe(202)
    await app?.settle()
    const alerts = await call<{ items: { id: string; summary: string }[] }>('GET', '/api/v1/alerts')
    const alertId = alerts.body.items.find((a) => a.summary === 'Refund errors on /pay')?.id ?? ''

    await page.goto(`${app?.url ?? ''}/alerts/${alertId}`)
    await page.getByRole('heading', { level: 1, name: 'Refund errors on /pay' }).waitFor()
    const panel = page.getByTestId('recent-changes')
    const items = panel.getByTestId('recent-change')
    const latest = items.first()
    const text = await textOf(latest)
    expect(text).toContain(`Likely cause`)
    expect(text).toContain(`${SERVICE} deployed v1.43.0 by admin@tend.localhost (CR-1 "${TITLE}")`)
    expect(text).toContain('40 min before the alert')
    await expect.poll(() => latest.getAttribute('class')).toContain('recent-change--likely')
    expect(await items.count()).toBe(2)
    expect(await items.nth(1).textContent()).toContain('deployed v1.42.0')
    // The plan is one click away.
    const step = latest.getByText(STEP_1, { exact: true })
    expect(await step.isVisible()).toBe(false)
    await latest.getByText(/^Rollback plan: 2 steps, about 10 min \(from CR-1\)/).click()
    await step.waitFor()
    await shot(page, 'changes-alert-recent')

    await latest.getByRole('button', { name: /^Roll back/ }).click()
    await latest.getByRole('button', { name: 'Record rollback' }).click()
    await panel.getByText(`Recorded: ${SERVICE} rolled back from v1.43.0 to v1.42.0; CR-1 is marked rolled back.`).waitFor()
    const deployments = await call<{ items: ApiDeployment[] }>('GET', `/api/v1/deployments?serviceId=${serviceId}`)
    expect(deployments.body.items.find((d) => d.id === deploy.body.deployment.id)?.status).toBe('rolled_back')
    expect(deployments.body.items.find((d) => d.kind === 'rollback')).toMatchObject({ version: 'v1.42.0', rollsBackId: deploy.body.deployment.id })
    expect((await call<ApiChange>('GET', '/api/v1/changes/CR-1')).body.state).toBe('rolled_back')
    await expect.poll(() => items.first().textContent()).toContain('rolled back to v1.42.0')
    await shot(page, 'changes-alert-rolled-back')
  })
})

import { Type } from 'typebox'
import { acknowledgeAlert, getAlert, resolveAlert } from '../../../domain/alerts/index.js'
import { findUser } from '../../../domain/users/index.js'
import { AppError } from '../../../lib/errors.js'
import type { Api, HttpDeps } from '../../types.js'

const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 1000 }) })

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)} · Tend</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#1b2b2b}h1{font-size:1.4rem}button{font:inherit;padding:.6rem 1.4rem;border:0;border-radius:6px;background:#0f6e66;color:#fff;cursor:pointer}p.muted{color:#5b6b6b}</style></head><body>${body}</body></html>`
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * One-click links from notifications. GET shows the action and submits it by itself (a POST),
 * so link scanners that only fetch pages never acknowledge anything; a person's click does.
 * The action is recorded as the person who was paged.
 */
export function registerActionRoutes(app: Api, deps: HttpDeps): void {
  const config = { public: true }
  app.get('/a/:token', { config, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
    const check = deps.links.verify(request.params.token, deps.clock.now())
    if (!check.ok) return reply.code(410).type('text/html').send(page('Link not valid', `<h1>This link cannot be used</h1><p>${esc(check.reason)}.</p>`))
    const alert = await getAlert(deps.storage.db, check.claims.alertId).catch(() => null)
    if (alert === null) return reply.code(404).type('text/html').send(page('Unknown alert', '<h1>This alert no longer exists</h1>'))
    const verb = check.claims.action === 'acknowledge' ? 'Acknowledge' : 'Resolve'
    return reply
      .type('text/html')
      .header('cache-control', 'no-store')
      .send(
        page(
          `${verb} alert`,
          `<h1>${verb}: ${esc(alert.summary)}</h1><p class="muted">Currently ${esc(alert.status)}.</p><form method="post" id="f"><button type="submit">${verb}</button></form><script>document.getElementById('f').submit()</script>`,
        ),
      )
  })

  app.post('/a/:token', { config, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
    const now = deps.clock.now()
    const check = deps.links.verify(request.params.token, now)
    if (!check.ok) return reply.code(410).type('text/html').send(page('Link not valid', `<h1>This link cannot be used</h1><p>${esc(check.reason)}.</p>`))
    const { claims } = check
    const message = await deps.storage.db.transaction().execute(async (trx) => {
      const user = await findUser(trx, claims.userId)
      if (user === null) throw new AppError('E_NOT_FOUND', 'the person this link was sent to no longer exists')
      const alert = await getAlert(trx, claims.alertId)
      const actor = { userId: user.id, label: `${user.email} (link in notification)` }
      if (alert.status === 'resolved') return `This alert was already resolved.`
      if (claims.action === 'acknowledge') {
        if (alert.status === 'acknowledged') return 'This alert was already acknowledged.'
        await acknowledgeAlert(trx, now, actor, alert)
        return `Acknowledged as ${user.name}. Escalation has stopped.`
      }
      await resolveAlert(trx, now, actor, alert, {})
      return `Resolved as ${user.name}.`
    })
    deps.wakeEngine()
    return reply.type('text/html').header('cache-control', 'no-store').send(page('Done', `<h1>${esc(message)}</h1><p class="muted"><a href="${esc(deps.config.publicUrl)}/alerts/${esc(claims.alertId)}">Open the alert in Tend</a></p>`))
  })
}

import type { Command } from 'commander'
import { parseInstant } from '../../lib/time/index.js'
import { CliError, EXIT_USAGE, resolveConnection, type Connection } from '../client.js'
import { displayTime, displayZone, printJson, printTable } from '../output.js'

type Globals = { server?: string; token?: string; json?: boolean; zone?: string }

/** `tend deploy check` exits 0 when allowed and this when denied (README: CI gates a deploy on it). */
export const EXIT_DENIED = 3

interface Reason {
  code: string
  effect: string
  message: string
  until?: string
}

interface CheckJson {
  checkId: string
  allowed: boolean
  kind: string
  at: string
  reasons: Reason[]
  nextAllowedAt: string | null
  service: { id: string; name: string }
  change: { key: string; title: string; state: string } | null
  policy: { timeZone: string; supportTailMinutes: number }
  facts: { nightBudgetKnown: boolean }
  blastRadius: { serviceName: string; distance: number; teamName: string; onCall: { userName: string }[] }[]
}

interface DeploymentJson {
  id: string
  serviceName: string
  kind: string
  version: string
  changeKey: string | null
  actor: string
  status: string
  startedAt: string
  finishedAt: string | null
  overrideReason: string | null
}

/**
 * Calls the API and keeps the HTTP status, so the deploy commands can tell a usage error
 * (400/401/403/404: a wrong flag, service, change or token → exit 2) from a gate denial (409 → 3)
 * and from Tend being unreachable or failing (→ 1).
 */
async function call<T>(conn: Connection, method: string, path: string, body?: unknown): Promise<T> {
  if (conn.token === null) throw new CliError('No API token. Pass --token, set TEND_TOKEN, or run `tend login --server URL --token TOKEN`.', EXIT_USAGE)
  let res: Response
  try {
    res = await fetch(`${conn.server}${path}`, {
      method,
      headers: { authorization: `Bearer ${conn.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    })
  } catch (err) {
    const cause = (err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message
    throw new CliError(`Cannot reach Tend at ${conn.server}: ${cause}. Is \`tend serve\` running? Set --server or TEND_SERVER.`)
  }
  const text = await res.text()
  let parsed: unknown = undefined
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {
    parsed = text
  }
  if (res.ok) return parsed as T
  const p = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { title?: string; detail?: string; errors?: { field: string; reason: string }[] }
  const lines = [`${p.title ?? `HTTP ${res.status}`}: ${p.detail ?? text.slice(0, 500)}`.trim(), ...(p.errors ?? []).map((e) => `  - ${e.field}: ${e.reason}`)]
  const code = res.status === 409 ? EXIT_DENIED : res.status >= 400 && res.status < 500 ? EXIT_USAGE : 1
  throw new CliError(lines.join('\n'), code)
}

function parseAt(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (parseInstant(value) === null) throw new CliError(`--at must be an RFC 3339 time with an offset, e.g. 2026-12-01T09:30:00+01:00; got ${JSON.stringify(value)}`, EXIT_USAGE)
  return value
}

const MARK: Record<string, string> = { deny: '✗', warn: '!', allow: '✓' }

function printCheck(c: CheckJson, zone: string): void {
  const when = displayTime(c.at, zone)
  const what = c.kind === 'rollback' ? 'roll back' : 'deploy'
  process.stdout.write(`${c.allowed ? 'ALLOWED' : 'DENIED'}: ${c.service.name} may${c.allowed ? '' : ' not'} ${what} at ${when} ${zone}${c.change === null ? '' : ` (${c.change.key}, ${c.change.state.replace('_', ' ')})`}\n`)
  if (c.reasons.length === 0) process.stdout.write(`  ✓ inside the deploy window with ${c.policy.supportTailMinutes} min of staffed time after it, and someone reachable on call\n`)
  for (const r of c.reasons) process.stdout.write(`  ${MARK[r.effect] ?? '-'} ${r.code}: ${r.message}${r.until === undefined ? '' : ` (until ${displayTime(r.until, zone)})`}\n`)
  if (!c.allowed) {
    const next =
      c.nextAllowedAt === null
        ? 'none within 60 days (the time rules never open)'
        : c.nextAllowedAt <= c.at
          ? 'now, as far as windows, holidays, the support tail and freezes go: fix the reasons above and check again'
          : `${displayTime(c.nextAllowedAt, zone)} ${zone} (on-call and alerts are checked again then)`
    process.stdout.write(`Next allowed time: ${next}\n`)
  }
  const radius = c.blastRadius.filter((b) => b.distance > 0)
  if (radius.length > 0) process.stdout.write(`Blast radius: ${radius.map((b) => `${b.serviceName} (${b.teamName})`).join(', ')}\n`)
  if (!c.facts.nightBudgetKnown) process.stdout.write('Note: the night-page budget is not known to this server; that check was skipped.\n')
  process.stdout.write(`Check ${c.checkId} recorded.\n`)
}

/** The in-progress (finish) or latest not-rolled-back (rollback) deployment of a service. */
async function deploymentOf(conn: Connection, flags: { deployment?: string; service?: string }, want: 'finish' | 'rollback'): Promise<string> {
  if (flags.deployment !== undefined) return flags.deployment
  if (flags.service === undefined) throw new CliError('Give --deployment <id> or --service <service>', EXIT_USAGE)
  const q = new URLSearchParams({ serviceId: flags.service, limit: '50', ...(want === 'finish' ? { status: 'in_progress' } : {}) })
  const list = await call<{ items: DeploymentJson[] }>(conn, 'GET', `/api/v1/deployments?${q}`)
  const found = list.items.find((d) => d.kind === 'deploy' && d.status !== 'rolled_back')
  if (found === undefined) throw new CliError(`No ${want === 'finish' ? 'in-progress ' : ''}deployment of ${flags.service} is recorded${want === 'finish' ? '' : ' to roll back'}`, EXIT_USAGE)
  return found.id
}

const deploymentLine = (d: DeploymentJson, zone: string) =>
  `${d.kind === 'rollback' ? 'Rollback' : 'Deployment'} ${d.id}: ${d.serviceName} ${d.version}${d.changeKey === null ? '' : ` (${d.changeKey})`}, ${d.status.replace('_', ' ')}, started ${displayTime(d.startedAt, zone)} by ${d.actor}`

/** `tend deploy check|start|finish|rollback|list`: the deploy gate and deployment records from CI or a terminal. */
export function registerDeploy(program: Command): void {
  const deploy = program.command('deploy').description('Ask the deploy gate and record deployments (exit codes: 0 allowed, 3 denied, 2 usage error, 1 Tend unreachable)')

  deploy
    .command('check')
    .description('May this service deploy now (or --at)? Prints every reason and the next allowed time; exits 0 allowed, 3 denied, 2 usage error')
    .requiredOption('--service <service>', 'service id or name')
    .option('--change <change>', 'change request, e.g. CR-123')
    .option('--at <time>', 'RFC 3339 time to check instead of now')
    .option('--rollback', 'check a rollback (always allowed; blocking rules are listed as warnings)')
    .action(async (flags: { service: string; change?: string; at?: string; rollback?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const body = { service: flags.service, kind: flags.rollback === true ? 'rollback' : 'deploy', ...(flags.change === undefined ? {} : { change: flags.change }), ...(flags.at === undefined ? {} : { at: parseAt(flags.at) }) }
      const check = await call<CheckJson>(resolveConnection(g), 'POST', '/api/v1/deploy-checks', body)
      if (g.json === true) printJson(check)
      else printCheck(check, g.zone === undefined ? check.policy.timeZone : displayZone(g.zone))
      // main() turns this into exit code 3 (a successful command exits 0).
      if (!check.allowed) throw new CliError(`the deploy gate denies this ${body.kind} (reasons above); exit code ${EXIT_DENIED}`, EXIT_DENIED)
    })

  // The version is an argument, not `--version`: that flag belongs to `tend` itself and prints its version.
  deploy
    .command('start')
    .description('Record the start of a deployment; the gate runs now, and a denial needs --override-reason (audited). Exits 3 when denied')
    .argument('<version>', 'version, tag or commit being deployed')
    .requiredOption('--service <service>', 'service id or name')
    .option('--change <change>', 'change request, e.g. CR-123')
    .option('--override-reason <text>', 'deploy although the gate denies, and say why (audited)')
    .option('--source <source>', 'where this runs (default cli)', 'cli')
    .action(async (version: string, flags: { service: string; change?: string; overrideReason?: string; source: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const body = { service: flags.service, version, source: flags.source, ...(flags.change === undefined ? {} : { change: flags.change }), ...(flags.overrideReason === undefined ? {} : { overrideReason: flags.overrideReason }) }
      const res = await call<{ deployment: DeploymentJson; check: CheckJson }>(resolveConnection(g), 'POST', '/api/v1/deployments', body)
      if (g.json === true) return printJson(res)
      const zone = displayZone(g.zone)
      process.stdout.write(`${deploymentLine(res.deployment, zone)}\n`)
      if (res.deployment.overrideReason !== null) process.stdout.write(`The gate denied this deploy; recorded as an override: ${res.deployment.overrideReason}\n`)
      process.stdout.write(`Finish it with: tend deploy finish --deployment ${res.deployment.id}\n`)
    })

  deploy
    .command('finish')
    .description('Mark a deployment succeeded (or --failed)')
    .option('--deployment <id>', 'deployment id')
    .option('--service <service>', "the service's in-progress deployment")
    .option('--failed', 'the deployment failed')
    .action(async (flags: { deployment?: string; service?: string; failed?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const conn = resolveConnection(g)
      const id = await deploymentOf(conn, flags, 'finish')
      const d = await call<DeploymentJson>(conn, 'POST', `/api/v1/deployments/${encodeURIComponent(id)}/finish`, { status: flags.failed === true ? 'failed' : 'succeeded' })
      if (g.json === true) return printJson(d)
      process.stdout.write(`${deploymentLine(d, displayZone(g.zone))}\n`)
    })

  deploy
    .command('rollback')
    .description('Record a rollback of a deployment (default: the latest of --service) to the previous version or --to')
    .option('--deployment <id>', 'deployment to roll back')
    .option('--service <service>', "the service's latest deployment")
    .option('--to <version>', 'version to return to (default: the one deployed before)')
    .option('--reason <text>', 'why')
    .option('--in-progress', 'record the rollback as started; finish it with `tend deploy finish`')
    .action(async (flags: { deployment?: string; service?: string; to?: string; reason?: string; inProgress?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const conn = resolveConnection(g)
      const id = await deploymentOf(conn, flags, 'rollback')
      const body = { source: 'cli', ...(flags.to === undefined ? {} : { version: flags.to }), ...(flags.reason === undefined ? {} : { reason: flags.reason }), ...(flags.inProgress === true ? { inProgress: true } : {}) }
      const res = await call<{ rollback: DeploymentJson; original: DeploymentJson }>(conn, 'POST', `/api/v1/deployments/${encodeURIComponent(id)}/rollback`, body)
      if (g.json === true) return printJson(res)
      const zone = displayZone(g.zone)
      process.stdout.write(`${deploymentLine(res.rollback, zone)}\n${deploymentLine(res.original, zone)}\n`)
    })

  deploy
    .command('list')
    .description('Recent deployments, newest first')
    .option('--service <service>', 'service id or name')
    .option('--team <team>', 'team id or name')
    .option('--limit <n>', 'how many', '30')
    .action(async (flags: { service?: string; team?: string; limit: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const q = new URLSearchParams({ limit: flags.limit })
      if (flags.service !== undefined) q.set('serviceId', flags.service)
      if (flags.team !== undefined) q.set('teamId', flags.team)
      const res = await call<{ items: DeploymentJson[] }>(resolveConnection(g), 'GET', `/api/v1/deployments?${q}`)
      if (g.json === true) return printJson(res.items)
      const zone = displayZone(g.zone)
      process.stdout.write(`Times in ${zone}\n`)
      printTable(
        res.items.map((d) => ({ id: d.id, service: d.serviceName, kind: d.kind, version: d.version, change: d.changeKey ?? '-', status: d.status, started: displayTime(d.startedAt, zone), by: d.actor, override: d.overrideReason ?? '' })),
        ['id', 'service', 'kind', 'version', 'change', 'status', 'started', 'by', 'override'],
      )
    })
}

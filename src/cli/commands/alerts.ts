import type { Command } from 'commander'
import { api, CliError, EXIT_USAGE, resolveConnection } from '../client.js'
import { displayTime, displayZone, printJson, printTable } from '../output.js'

type Globals = { server?: string; token?: string; json?: boolean; zone?: string }

interface AlertJson {
  id: string
  serviceName: string
  status: string
  urgency: string
  summary: string
  createdAt: string
  eventCount: number
  acknowledgedBy: string | null
  outcome: string | null
}

/** `tend page`, `tend ack`, `tend resolve`, `tend alerts list|show`: alerts from the terminal. */
export function registerAlerts(program: Command): void {
  program
    .command('page')
    .description('Raise an alert by hand: on a service (its escalation policy), a team (its on-call) or people')
    .requiredOption('--summary <text>', 'what is wrong, in one line')
    .option('--service <service>', 'service id or name')
    .option('--team <team>', 'team id or name')
    .option('--user <users>', 'comma-separated emails or ids of people to page directly')
    .option('--details <text>', 'more context (e.g. the customer ticket)')
    .option('--urgency <urgency>', 'high (default) or low', 'high')
    .action(async (flags: { summary: string; service?: string; team?: string; user?: string; details?: string; urgency: string }, cmd: Command) => {
      const targets = [flags.service, flags.team, flags.user].filter((x) => x !== undefined)
      if (targets.length !== 1) throw new CliError('Give exactly one of --service, --team or --user', EXIT_USAGE)
      const g = cmd.optsWithGlobals<Globals>()
      const body = {
        summary: flags.summary,
        urgency: flags.urgency,
        ...(flags.service === undefined ? {} : { serviceId: flags.service }),
        ...(flags.team === undefined ? {} : { teamId: flags.team }),
        ...(flags.user === undefined ? {} : { userIds: flags.user.split(',').map((s) => s.trim()) }),
        ...(flags.details === undefined ? {} : { details: { note: flags.details } }),
      }
      const alert = await api<AlertJson>(resolveConnection(g), 'POST', '/api/v1/alerts', body)
      if (g.json === true) return printJson(alert)
      process.stdout.write(`Paged: alert ${alert.id} on ${alert.serviceName} (${alert.urgency} urgency)\n`)
    })

  program
    .command('ack')
    .description('Acknowledge an alert: escalation stops')
    .argument('<alert-id>')
    .action(async (id: string, _flags: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const alert = await api<AlertJson>(resolveConnection(g), 'POST', `/api/v1/alerts/${encodeURIComponent(id)}/acknowledge`)
      if (g.json === true) return printJson(alert)
      process.stdout.write(`Acknowledged: ${alert.summary} (${alert.serviceName})\n`)
    })

  program
    .command('resolve')
    .description('Resolve an alert, optionally saying what it was')
    .argument('<alert-id>')
    .option('--outcome <outcome>', 'actionable, noise or duplicate')
    .option('--note <text>', 'what happened')
    .action(async (id: string, flags: { outcome?: string; note?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const body = { ...(flags.outcome === undefined ? {} : { outcome: flags.outcome }), ...(flags.note === undefined ? {} : { note: flags.note }) }
      const alert = await api<AlertJson>(resolveConnection(g), 'POST', `/api/v1/alerts/${encodeURIComponent(id)}/resolve`, body)
      if (g.json === true) return printJson(alert)
      process.stdout.write(`Resolved: ${alert.summary}${alert.outcome === null ? '' : ` (${alert.outcome})`}\n`)
    })

  const alerts = program.command('alerts').description('Alerts')
  alerts
    .command('list')
    .description('List alerts, newest first')
    .option('--status <status>', 'open (default), triggered, acknowledged, resolved, or a comma list', 'open')
    .option('--team <team>', 'team id or name')
    .option('--service <service>', 'service id or name')
    .option('--limit <n>', 'how many', '50')
    .action(async (flags: { status: string; team?: string; service?: string; limit: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const q = new URLSearchParams({ status: flags.status, limit: flags.limit })
      if (flags.team !== undefined) q.set('teamId', flags.team)
      if (flags.service !== undefined) q.set('serviceId', flags.service)
      const res = await api<{ items: AlertJson[] }>(resolveConnection(g), 'GET', `/api/v1/alerts?${q}`)
      if (g.json === true) return printJson(res.items)
      const zone = displayZone(g.zone)
      process.stdout.write(`Times in ${zone}\n`)
      printTable(
        res.items.map((a) => ({ id: a.id, status: a.status, urgency: a.urgency, service: a.serviceName, summary: a.summary.slice(0, 60), events: String(a.eventCount), since: displayTime(a.createdAt, zone) })),
        ['id', 'status', 'urgency', 'service', 'summary', 'events', 'since'],
      )
    })
  alerts
    .command('show')
    .description('Show an alert and its timeline')
    .argument('<alert-id>')
    .action(async (id: string, _flags: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const res = await api<{ alert: AlertJson; timeline: { at: string; actor: string; message: string }[] }>(resolveConnection(g), 'GET', `/api/v1/alerts/${encodeURIComponent(id)}`)
      if (g.json === true) return printJson(res)
      const zone = displayZone(g.zone)
      process.stdout.write(`${res.alert.summary}\n${res.alert.status} · ${res.alert.urgency} urgency · ${res.alert.serviceName} · ${res.alert.eventCount} events\n\nTimeline (${zone}):\n`)
      for (const e of res.timeline) process.stdout.write(`  ${displayTime(e.at, zone)}  ${e.message}\n`)
    })
}

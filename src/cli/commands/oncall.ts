import type { Command } from 'commander'
import { api, CliError, EXIT_USAGE, resolveConnection } from '../client.js'
import { displayTime, displayZone, printJson, printTable } from '../output.js'

interface PersonJson {
  id: string
  name: string
  email: string
  timeZone: string
}

interface OnCallJson {
  scheduleId: string
  scheduleName: string
  at: string
  shift: { start: string; end: string; user: PersonJson | null; source: { type: string; kind?: string; layerName?: string } }
  nextHandoff: { at: string; from: PersonJson | null; to: PersonJson | null } | null
}

/** `tend oncall`: who is on call now (or at --at) for a schedule, a service's team, a team, or everywhere. */
export function registerOncall(program: Command): void {
  program
    .command('oncall')
    .description('Show who is on call now, with the end of their shift and the next handoff')
    .option('--schedule <schedule>', 'schedule id or name')
    .option('--service <service>', "service id or name (its owning team's schedules)")
    .option('--team <team>', 'team id or name')
    .option('--at <time>', 'RFC 3339 instant instead of now, e.g. 2026-12-24T23:00:00+01:00')
    .action(async (flags: { schedule?: string; service?: string; team?: string; at?: string }, cmd: Command) => {
      const given = [flags.schedule, flags.service, flags.team].filter((x) => x !== undefined)
      if (given.length > 1) throw new CliError('Give at most one of --schedule, --service, --team', EXIT_USAGE)
      const globals = cmd.optsWithGlobals<{ server?: string; token?: string; json?: boolean; zone?: string }>()
      const conn = resolveConnection(globals)
      const at = flags.at === undefined ? '' : `at=${encodeURIComponent(flags.at)}`
      let items: OnCallJson[]
      if (flags.schedule !== undefined) {
        items = [await api<OnCallJson>(conn, 'GET', `/api/v1/schedules/${encodeURIComponent(flags.schedule)}/oncall?${at}`)]
      } else {
        const filter = flags.service !== undefined ? `serviceId=${encodeURIComponent(flags.service)}&` : flags.team !== undefined ? `teamId=${encodeURIComponent(flags.team)}&` : ''
        items = (await api<{ items: OnCallJson[] }>(conn, 'GET', `/api/v1/oncall?${filter}${at}`)).items
      }
      if (globals.json === true) return printJson(items)
      const zone = displayZone(globals.zone)
      process.stdout.write(`Times in ${zone}\n`)
      printTable(
        items.map((o) => ({
          schedule: o.scheduleName,
          'on call': o.shift.user === null ? 'NOBODY (gap)' : `${o.shift.user.name} <${o.shift.user.email}>`,
          via: o.shift.source.type === 'override' ? `override (${o.shift.source.kind ?? ''})` : (o.shift.source.layerName ?? o.shift.source.type),
          until: displayTime(o.shift.end, zone),
          next: o.nextHandoff === null ? '-' : `${o.nextHandoff.to?.name ?? 'nobody'} at ${displayTime(o.nextHandoff.at, zone)}`,
        })),
        ['schedule', 'on call', 'via', 'until', 'next'],
      )
    })
}

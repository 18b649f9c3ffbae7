import type { Command } from 'commander'
import { api, resolveConnection } from '../client.js'
import { displayTime, displayZone, printJson, printTable } from '../output.js'
import { resolveUserId } from './people.js'

type Globals = { server?: string; token?: string; json?: boolean; zone?: string }

interface ShiftJson {
  start: string
  end: string
  user: { name: string; email: string } | null
  source: { type: string; kind?: string; layerName?: string }
}

/** `tend schedules …` and `tend override create`: read schedules and their shifts, and cover for someone. */
export function registerSchedules(program: Command): void {
  const schedules = program.command('schedules').description('On-call schedules')
  schedules
    .command('list')
    .description('List schedules')
    .action(async (_flags: unknown, cmd: Command) => {
      const globals = cmd.optsWithGlobals<Globals>()
      const res = await api<{ items: { id: string; name: string; timeZone: string; layers: unknown[] }[] }>(resolveConnection(globals), 'GET', '/api/v1/schedules')
      if (globals.json === true) return printJson(res.items)
      printTable(res.items.map((s) => ({ name: s.name, zone: s.timeZone, layers: String(s.layers.length), id: s.id })), ['name', 'zone', 'layers', 'id'])
    })
  schedules
    .command('shifts')
    .description('Show the final shifts of a schedule (gaps included)')
    .requiredOption('--schedule <schedule>', 'schedule id or name')
    .option('--from <time>', 'RFC 3339 start (default now)')
    .option('--to <time>', 'RFC 3339 end (default 14 days later)')
    .action(async (flags: { schedule: string; from?: string; to?: string }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<Globals>()
      const q = new URLSearchParams()
      if (flags.from !== undefined) q.set('from', flags.from)
      if (flags.to !== undefined) q.set('to', flags.to)
      const res = await api<{ final: ShiftJson[] }>(resolveConnection(globals), 'GET', `/api/v1/schedules/${encodeURIComponent(flags.schedule)}/shifts?${q}`)
      if (globals.json === true) return printJson(res.final)
      const zone = displayZone(globals.zone)
      process.stdout.write(`Times in ${zone}\n`)
      printTable(
        res.final.map((s) => ({
          start: displayTime(s.start, zone),
          end: displayTime(s.end, zone),
          'on call': s.user === null ? 'NOBODY (gap)' : s.user.name,
          via: s.source.type === 'override' ? `override (${s.source.kind ?? ''})` : (s.source.layerName ?? s.source.type),
        })),
        ['start', 'end', 'on call', 'via'],
      )
    })

  const override = program.command('override').description('Schedule overrides')
  override
    .command('create')
    .description('Put someone on call for a range (optionally only in place of one person)')
    .requiredOption('--schedule <schedule>', 'schedule id or name')
    .requiredOption('--user <user>', 'who takes the pager (id or email)')
    .requiredOption('--start <time>', 'RFC 3339 start')
    .requiredOption('--end <time>', 'RFC 3339 end')
    .option('--replaces <user>', 'only while this person would be on call (id or email)')
    .option('--reason <text>', 'why (shown in the schedule and the audit log)')
    .action(async (flags: { schedule: string; user: string; start: string; end: string; replaces?: string; reason?: string }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<Globals>()
      const conn = resolveConnection(globals)
      const body = {
        userId: await resolveUserId(conn, flags.user),
        start: flags.start,
        end: flags.end,
        ...(flags.replaces === undefined ? {} : { replacesUserId: await resolveUserId(conn, flags.replaces), kind: 'swap' }),
        ...(flags.reason === undefined ? {} : { reason: flags.reason }),
      }
      const created = await api<{ id: string; start: string; end: string }>(conn, 'POST', `/api/v1/schedules/${encodeURIComponent(flags.schedule)}/overrides`, body)
      if (globals.json === true) return printJson(created)
      process.stdout.write(`Override ${created.id} created: ${flags.user} on call ${created.start} → ${created.end}\n`)
    })
}

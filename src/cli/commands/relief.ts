import type { Command } from 'commander'
import { api, resolveConnection } from '../client.js'
import { displayTime, displayZone, printJson, printTable } from '../output.js'

type Globals = { server?: string; token?: string; json?: boolean; zone?: string }

interface PersonJson {
  id: string
  name: string
}

interface ReliefJson {
  id: string
  scheduleName: string
  tired: PersonJson
  replacement: PersonJson | null
  start: string
  end: string
  status: string
  reason: string
  outcomeNote: string | null
}

interface ReliefActionJson {
  relief: ReliefJson
  outcome: string
  message: string
}

/** `tend relief list|decline|take-over`: reliefs of tired on-call people. */
export function registerRelief(program: Command): void {
  const relief = program.command('relief').description('Reliefs: a tired on-call handed to someone rested for a recovery period')

  relief
    .command('list')
    .description('Reliefs you are part of (or a team’s, with --team), newest first')
    .option('--team <team>', 'team id or name')
    .option('--status <status>', 'active, needed, declined, taken_over or ended')
    .action(async (flags: { team?: string; status?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const q = [flags.team === undefined ? '' : `teamId=${encodeURIComponent(flags.team)}`, flags.status === undefined ? '' : `status=${encodeURIComponent(flags.status)}`].filter(Boolean).join('&')
      const { items } = await api<{ items: ReliefJson[] }>(resolveConnection(g), 'GET', `/api/v1/reliefs?${q}`)
      if (g.json === true) return printJson(items)
      const zone = displayZone(g.zone)
      process.stdout.write(`Times in ${zone}\n`)
      printTable(
        items.map((r) => ({
          id: r.id,
          schedule: r.scheduleName,
          relieved: r.tired.name,
          'pager with': r.replacement?.name ?? `${r.tired.name} (nobody eligible)`,
          from: displayTime(r.start, zone),
          until: displayTime(r.end, zone),
          status: r.status,
          why: r.reason,
        })),
        ['id', 'schedule', 'relieved', 'pager with', 'from', 'until', 'status', 'why'],
      )
    })

  relief
    .command('decline')
    .description('Decline a relief you were given: someone else eligible takes it, or the tired person keeps the pager')
    .argument('<relief-id>')
    .option('--reason <text>', 'why you cannot take it (shared with the team)')
    .action(async (id: string, flags: { reason?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const res = await api<ReliefActionJson>(resolveConnection(g), 'POST', `/api/v1/reliefs/${encodeURIComponent(id)}/decline`, flags.reason === undefined ? {} : { reason: flags.reason })
      if (g.json === true) return printJson(res)
      process.stdout.write(`${res.message}\n`)
    })

  relief
    .command('take-over')
    .description('Take over a relief for the rest of its period (yourself; team admins may name --user)')
    .argument('<relief-id>')
    .option('--user <user>', 'id or email of who takes it (team admins)')
    .action(async (id: string, flags: { user?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const res = await api<ReliefActionJson>(resolveConnection(g), 'POST', `/api/v1/reliefs/${encodeURIComponent(id)}/take-over`, flags.user === undefined ? {} : { userId: flags.user })
      if (g.json === true) return printJson(res)
      process.stdout.write(`${res.message}\n`)
    })
}

import type { Command } from 'commander'
import { api, resolveConnection } from '../client.js'
import { displayTime, displayZone, printJson, printTable } from '../output.js'

type Globals = { server?: string; token?: string; json?: boolean; zone?: string }

interface WindowJson {
  id: string
  serviceId: string
  reason: string
  start: string
  end: string
  phase: string
}

/** Parses "45m", "2h", "1d" or plain minutes into minutes. */
function minutes(text: string): number {
  const m = /^(\d+)\s*([mhd]?)$/.exec(text.trim())
  if (m === null) throw new Error(`not a duration: ${text} (use e.g. 45m, 2h, 1d)`)
  return Number(m[1]) * ({ '': 1, m: 1, h: 60, d: 1440 } as const)[m[2] as '' | 'm' | 'h' | 'd']
}

/** `tend maintenance start|schedule|list|show|end`: windows in which a service's alerts page only at the end. */
export function registerMaintenance(program: Command): void {
  const mw = program.command('maintenance').description("Maintenance windows: a service's new alerts are kept but page only at the window's end, if still open")
  mw.command('start')
    .description('Open a window on a service now')
    .requiredOption('--service <service>', 'service id or name')
    .requiredOption('--for <duration>', 'how long, e.g. 45m, 2h')
    .requiredOption('--reason <text>', 'why (shown on every alert it holds)')
    .action(async (flags: { service: string; for: string; reason: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const w = await api<WindowJson>(resolveConnection(g), 'POST', `/api/v1/services/${encodeURIComponent(flags.service)}/maintenance-windows`, { reason: flags.reason, durationMinutes: minutes(flags.for) })
      if (g.json === true) return printJson(w)
      process.stdout.write(`Maintenance window ${w.id} is open until ${displayTime(w.end, displayZone(g.zone))}. End it early with: tend maintenance end ${w.id}\n`)
    })
  mw.command('schedule')
    .description('Schedule a window on a service')
    .requiredOption('--service <service>', 'service id or name')
    .requiredOption('--start <time>', 'RFC 3339, e.g. 2026-12-01T22:00:00+01:00')
    .requiredOption('--end <time>', 'RFC 3339')
    .requiredOption('--reason <text>', 'why (shown on every alert it holds)')
    .action(async (flags: { service: string; start: string; end: string; reason: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const w = await api<WindowJson>(resolveConnection(g), 'POST', `/api/v1/services/${encodeURIComponent(flags.service)}/maintenance-windows`, { reason: flags.reason, start: flags.start, end: flags.end })
      if (g.json === true) return printJson(w)
      const zone = displayZone(g.zone)
      process.stdout.write(`Maintenance window ${w.id} scheduled from ${displayTime(w.start, zone)} to ${displayTime(w.end, zone)}.\n`)
    })
  mw.command('list')
    .description('List windows (newest first)')
    .option('--service <service>', 'service id or name')
    .option('--open', 'only windows not yet over')
    .action(async (flags: { service?: string; open?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const q = new URLSearchParams()
      if (flags.service !== undefined) q.set('serviceId', flags.service)
      if (flags.open === true) q.set('open', 'true')
      const res = await api<{ items: WindowJson[] }>(resolveConnection(g), 'GET', `/api/v1/maintenance-windows?${q.toString()}`)
      if (g.json === true) return printJson(res.items)
      const zone = displayZone(g.zone)
      process.stdout.write(`Times in ${zone}\n`)
      printTable(
        res.items.map((w) => ({ phase: w.phase, start: displayTime(w.start, zone), end: displayTime(w.end, zone), reason: w.reason, id: w.id })),
        ['phase', 'start', 'end', 'reason', 'id'],
      )
    })
  mw.command('show <id>')
    .description('A window and every alert it held, with how each ended')
    .action(async (id: string, _flags: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const res = await api<{ window: WindowJson; held: { summary: string; heldAt: string; status: string; outcome: string | null }[] }>(resolveConnection(g), 'GET', `/api/v1/maintenance-windows/${encodeURIComponent(id)}`)
      if (g.json === true) return printJson(res)
      const zone = displayZone(g.zone)
      process.stdout.write(`${res.window.reason}: ${res.window.phase}, ${displayTime(res.window.start, zone)} – ${displayTime(res.window.end, zone)}\n`)
      if (res.held.length === 0) return void process.stdout.write('It held nothing.\n')
      printTable(
        res.held.map((h) => ({ held: displayTime(h.heldAt, zone), alert: h.summary, status: h.status, outcome: h.outcome ?? 'held until the end' })),
        ['held', 'alert', 'status', 'outcome'],
      )
    })
  mw.command('end <id>')
    .description('End an open window now (held alerts still open page at once), or cancel a scheduled one')
    .action(async (id: string, _flags: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const w = await api<WindowJson>(resolveConnection(g), 'POST', `/api/v1/maintenance-windows/${encodeURIComponent(id)}/end`, {})
      if (g.json === true) return printJson(w)
      process.stdout.write(w.phase === 'cancelled' ? `Maintenance window ${w.id} cancelled.\n` : `Maintenance window ${w.id} ended; alerts it held that are still open page now.\n`)
    })
}

import type { Command } from 'commander'
import { api, resolveConnection } from '../client.js'
import { displayTime, displayZone, printJson, printTable } from '../output.js'

type Globals = { server?: string; token?: string; json?: boolean; zone?: string }

/** Parses "90s", "15m", "1h", "1d" or plain seconds. */
function seconds(text: string): number {
  const m = /^(\d+)\s*([smhd]?)$/.exec(text.trim())
  if (m === null) throw new Error(`not a duration: ${text} (use e.g. 90s, 15m, 1h, 1d)`)
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86_400 } as const)[m[2] as '' | 's' | 'm' | 'h' | 'd']
}

/** `tend heartbeat create|list`: dead man's switches for cron jobs and services. */
export function registerHeartbeats(program: Command): void {
  const hb = program.command('heartbeat').description('Heartbeats: jobs that must ping Tend; N missed pings in a row page')
  hb.command('create')
    .description('Create a heartbeat and print its ping URL (shown once)')
    .requiredOption('--service <service>', 'service id or name')
    .requiredOption('--name <name>')
    .option('--every <duration>', 'expected interval, e.g. 5m, 1h, 1d')
    .option('--cron <expr>', 'or a cron expression, e.g. "0 2 * * *"')
    .option('--time-zone <zone>', 'IANA zone of the cron expression', 'UTC')
    .option('--grace <duration>', 'allowance after each expected ping', '5m')
    .option('--misses <n>', 'consecutive misses before paging', '3')
    .option('--fail-mode <mode>', 'immediate or after_n', 'immediate')
    .action(async (flags: { service: string; name: string; every?: string; cron?: string; timeZone: string; grace: string; misses: string; failMode: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const body = {
        name: flags.name,
        ...(flags.every === undefined ? {} : { intervalSeconds: seconds(flags.every) }),
        ...(flags.cron === undefined ? {} : { cron: flags.cron, timeZone: flags.timeZone }),
        graceSeconds: seconds(flags.grace),
        missesToAlarm: Number(flags.misses),
        failMode: flags.failMode,
      }
      const res = await api<{ heartbeat: { id: string }; pingUrl: string }>(resolveConnection(g), 'POST', `/api/v1/services/${encodeURIComponent(flags.service)}/heartbeats`, body)
      if (g.json === true) return printJson(res)
      process.stdout.write(`Heartbeat ${flags.name} created. Ping it from the job (the URL is shown once):\n\n  curl -fsS --retry 3 ${res.pingUrl}\n\nReport failure with ${res.pingUrl}/fail and a run start with ${res.pingUrl}/start.\n`)
    })
  hb.command('list')
    .description('List heartbeats and their status')
    .option('--service <service>', 'service id or name')
    .action(async (flags: { service?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const q = flags.service === undefined ? '' : `?serviceId=${encodeURIComponent(flags.service)}`
      const res = await api<{ items: { id: string; name: string; status: string; alertOpen: boolean; lastPingAt: string | null; nextCheckAt: string }[] }>(resolveConnection(g), 'GET', `/api/v1/heartbeats${q}`)
      if (g.json === true) return printJson(res.items)
      const zone = displayZone(g.zone)
      process.stdout.write(`Times in ${zone}\n`)
      printTable(
        res.items.map((h) => ({ name: h.name, status: h.status + (h.alertOpen ? ' (alert open)' : ''), 'last ping': h.lastPingAt === null ? 'never' : displayTime(h.lastPingAt, zone), id: h.id })),
        ['name', 'status', 'last ping', 'id'],
      )
    })
}

import type { Command } from 'commander'
import { api, CliError, EXIT_USAGE, resolveConnection } from '../client.js'
import { printJson } from '../output.js'

type Globals = { server?: string; token?: string; json?: boolean; zone?: string }

/** `tend report oncall` (the weekly on-call report) and `tend report compensation` (the time-in-lieu CSV). */
export function registerReport(program: Command): void {
  const report = program.command('report').description('On-call reports')

  report
    .command('oncall')
    .description("A team's weekly on-call report: pages by each person's own hours, wake-ups, reliefs, sleep-ins, the night-page budget and recommendations")
    .requiredOption('--team <team>', 'team id or name')
    .option('--week <week>', 'ISO week, e.g. 2026-W48 (default: the last complete week in the team zone)')
    .action(async (flags: { team: string; week?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      if (flags.week !== undefined && !/^\d{4}-W\d{2}$/.test(flags.week)) throw new CliError(`--week must look like 2026-W48, got ${JSON.stringify(flags.week)}`, EXIT_USAGE)
      const week = flags.week === undefined ? '' : `week=${encodeURIComponent(flags.week)}&`
      const path = `/api/v1/teams/${encodeURIComponent(flags.team)}/oncall-report?${week}`
      if (g.json === true) return printJson(await api<unknown>(resolveConnection(g), 'GET', `${path}format=json`))
      process.stdout.write(await api<string>(resolveConnection(g), 'GET', `${path}format=text`))
    })

  report
    .command('compensation')
    .description('The time-in-lieu ledger as CSV (team admins): off-hours work × factor + minutes per sleep-hours wake-up')
    .requiredOption('--team <team>', 'team id or name')
    .option('--from <time>', 'RFC 3339 start (default: 28 days before --to)')
    .option('--to <time>', 'RFC 3339 end (default: now)')
    .action(async (flags: { team: string; from?: string; to?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const q = [flags.from === undefined ? '' : `from=${encodeURIComponent(flags.from)}`, flags.to === undefined ? '' : `to=${encodeURIComponent(flags.to)}`].filter(Boolean).join('&')
      process.stdout.write(await api<string>(resolveConnection(g), 'GET', `/api/v1/teams/${encodeURIComponent(flags.team)}/compensation.csv?${q}`))
    })
}

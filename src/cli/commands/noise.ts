import type { Command } from 'commander'
import { api, resolveConnection } from '../client.js'
import { printJson, printTable } from '../output.js'

type Globals = { server?: string; token?: string; json?: boolean; zone?: string }

interface Line {
  label: string
  serviceName: string
  alerts: number
  pages: number
  noiseShare: number | null
  selfResolvedWithinMinutes: number
  unmarked: number
  score: number
  suggestion: string
  thresholdSuggestion: { suggested: number; currentThreshold: number; firesPerWeekAtCurrent: number; firesPerWeekAtSuggested: number } | null
}

const pct = (n: number | null): string => (n === null ? '–' : `${Math.round(n * 100)}%`)
const round = (n: number): string => String(Math.round(n * 100) / 100)

/** `tend noise report`: the noisiest alarms of a team, with what to do about each. */
export function registerNoise(program: Command): void {
  const noise = program.command('noise').description('Which alarms waste pages, and realistic thresholds for them')
  noise
    .command('report')
    .description('Rank the alarms of a team (or service) by wasted pages over resolved alerts')
    .option('--team <team>', 'team id or name')
    .option('--service <service>', 'service id or name')
    .option('--days <days>', 'look back this many days', '30')
    .action(async (f: { team?: string; service?: string; days: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const params = new URLSearchParams()
      if (f.team !== undefined) params.set('teamId', f.team)
      if (f.service !== undefined) params.set('serviceId', f.service)
      params.set('from', new Date(Date.now() - Number(f.days) * 86_400_000).toISOString())
      const res = await api<{ from: string; to: string; items: Line[] }>(resolveConnection(g), 'GET', `/api/v1/noise?${params.toString()}`)
      if (g.json === true) return printJson(res)
      if (res.items.length === 0) {
        process.stdout.write(`No resolved alerts from ${res.from} to ${res.to}.\n`)
        return
      }
      printTable(
        res.items.map((l, i) => ({
          '#': String(i + 1),
          alarm: l.label.length > 48 ? `${l.label.slice(0, 47)}…` : l.label,
          service: l.serviceName,
          alerts: String(l.alerts),
          pages: String(l.pages),
          noise: pct(l.noiseShare),
          'self-resolved': String(l.selfResolvedWithinMinutes),
          unmarked: String(l.unmarked),
          score: round(l.score),
        })),
        ['#', 'alarm', 'service', 'alerts', 'pages', 'noise', 'self-resolved', 'unmarked', 'score'],
      )
      process.stdout.write('\n')
      for (const [i, l] of res.items.entries()) {
        if (l.score === 0) continue
        process.stdout.write(`${i + 1}. ${l.label}: ${l.suggestion}\n`)
        const t = l.thresholdSuggestion
        if (t !== null) process.stdout.write(`   threshold ${round(t.currentThreshold)} → ${round(t.suggested)} (${round(t.firesPerWeekAtCurrent)} → ${round(t.firesPerWeekAtSuggested)} alerts a week)\n`)
      }
    })
}

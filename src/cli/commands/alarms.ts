import type { Command } from 'commander'
import { api, CliError, EXIT_USAGE, resolveConnection } from '../client.js'
import { displayTime, displayZone, printJson, printTable } from '../output.js'

type Globals = { server?: string; token?: string; json?: boolean; zone?: string }

interface AlarmRow {
  id: string
  name: string
  kind: string
  state: string
  flapping: boolean
  alert: { status: string } | null
  ticket: { status: string } | null
  budgetRemaining: number | null
  stateChangedAt: string
  definition: { threshold: { metric: string; statistic: string; comparison: string; threshold: number; datapointsToAlarm: number; evaluationPeriods: number; periodSeconds: number } | null; slo: { good: { metric: string }; slo: { target: number; periodDays: number } } | null }
}

/** Parses "name=value,name=value" label selectors. */
function labels(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined
  const out: Record<string, string> = {}
  for (const part of text.split(',').filter((p) => p.trim() !== '')) {
    const eq = part.indexOf('=')
    if (eq <= 0) throw new CliError(`--selector: expected name=value pairs, got "${part}"`, EXIT_USAGE)
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim()
  }
  return out
}

/** Parses "3/5" (M of N) into datapointsToAlarm and evaluationPeriods. */
function mOfN(text: string): { datapointsToAlarm: number; evaluationPeriods: number } {
  const m = /^(\d+)\s*(?:\/|of)\s*(\d+)$/.exec(text.trim())
  if (m === null) throw new CliError(`--datapoints: expected M/N such as 3/5, got "${text}"`, EXIT_USAGE)
  return { datapointsToAlarm: Number(m[1]), evaluationPeriods: Number(m[2]) }
}

const describe = (a: AlarmRow): string => {
  const t = a.definition.threshold
  if (t !== null) return `${t.statistic}(${t.metric}) ${t.comparison} ${t.threshold}, ${t.datapointsToAlarm} of ${t.evaluationPeriods} × ${t.periodSeconds / 60} min`
  const s = a.definition.slo
  return s === null ? '' : `SLO ${(s.slo.target * 100).toFixed(3).replace(/\.?0+$/, '')}% over ${s.slo.periodDays} d${a.budgetRemaining === null ? '' : `, ${Math.round(a.budgetRemaining * 100)}% budget left`}`
}

/** `tend alarm create|list`: threshold and SLO alarms on pushed metrics. */
export function registerAlarms(program: Command): void {
  const alarm = program.command('alarm').description('Alarms on pushed metrics: M of N datapoints over a threshold, or SLO burn rates')
  alarm
    .command('create')
    .description('Create a threshold alarm (--metric …) or an SLO alarm (--good … --total … --target …)')
    .requiredOption('--service <service>', 'service id or name')
    .requiredOption('--name <name>')
    .option('--metric <name>', 'threshold: metric name')
    .option('--selector <labels>', 'threshold: exact labels, e.g. route=/pay,region=eu')
    .option('--statistic <stat>', 'avg, min, max, sum, count, p50, p90, p99', 'avg')
    .option('--period <minutes>', 'evaluation period in minutes', '1')
    .option('--above <n>', 'alarm when the statistic is above n')
    .option('--below <n>', 'alarm when the statistic is below n')
    .option('--recovery <n>', 'recovery threshold (hysteresis)')
    .option('--datapoints <M/N>', 'M of N periods must breach', '3/3')
    .option('--missing <policy>', 'missing data: missing, breaching, notBreaching, ignore', 'missing')
    .option('--good <metric>', 'slo: good-events counter (per-interval counts)')
    .option('--total <metric>', 'slo: all-events counter (per-interval counts)')
    .option('--slo-selector <labels>', 'slo: labels both counters must have')
    .option('--target <fraction>', 'slo: e.g. 0.999')
    .option('--period-days <days>', 'slo: objective period', '30')
    .option('--severity <severity>', 'critical, error, warning, info', 'critical')
    .action(async (f: Record<string, string | undefined>, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      let body: Record<string, unknown>
      if (f['good'] !== undefined || f['total'] !== undefined) {
        const selector = labels(f['sloSelector'])
        body = { name: f['name'], kind: 'slo', good: { metric: f['good'], selector }, total: { metric: f['total'], selector }, target: Number(f['target']), periodDays: Number(f['periodDays']), severity: f['severity'] }
      } else {
        if ((f['above'] === undefined) === (f['below'] === undefined)) throw new CliError('give exactly one of --above or --below (or --good/--total/--target for an SLO alarm)', EXIT_USAGE)
        body = {
          name: f['name'],
          metric: f['metric'],
          selector: labels(f['selector']),
          statistic: f['statistic'],
          periodSeconds: Number(f['period']) * 60,
          comparison: f['above'] !== undefined ? '>' : '<',
          threshold: Number(f['above'] ?? f['below']),
          ...(f['recovery'] === undefined ? {} : { recoveryThreshold: Number(f['recovery']) }),
          ...mOfN(f['datapoints'] ?? '3/3'),
          treatMissingData: f['missing'],
          severity: f['severity'],
        }
      }
      const res = await api<AlarmRow>(resolveConnection(g), 'POST', `/api/v1/services/${encodeURIComponent(f['service'] ?? '')}/alarms`, body)
      if (g.json === true) return printJson(res)
      process.stdout.write(`Alarm "${res.name}" created (${res.id}): ${describe(res)}\n`)
    })
  alarm
    .command('list')
    .description('List alarms with their state')
    .option('--service <service>', 'service id or name')
    .option('--team <team>', 'team id or name')
    .action(async (f: { service?: string; team?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const q = f.service !== undefined ? `?serviceId=${encodeURIComponent(f.service)}` : f.team !== undefined ? `?teamId=${encodeURIComponent(f.team)}` : ''
      const res = await api<{ items: AlarmRow[] }>(resolveConnection(g), 'GET', `/api/v1/alarms${q}`)
      if (g.json === true) return printJson(res.items)
      const zone = displayZone(g.zone)
      process.stdout.write(`Times in ${zone}\n`)
      printTable(
        res.items.map((a) => ({
          name: a.name,
          state: a.state + (a.flapping ? ' (flapping)' : '') + (a.alert !== null ? ` (alert ${a.alert.status})` : '') + (a.ticket !== null ? ' (ticket open)' : ''),
          since: displayTime(a.stateChangedAt, zone),
          rule: describe(a),
          id: a.id,
        })),
        ['name', 'state', 'since', 'rule', 'id'],
      )
    })
}

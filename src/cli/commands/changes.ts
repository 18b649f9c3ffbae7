import type { Command } from 'commander'
import { api, resolveConnection } from '../client.js'
import { displayTime, displayZone, printJson, printTable } from '../output.js'
import { registerDeploy } from './deploy.js'

type Globals = { server?: string; token?: string; json?: boolean; zone?: string }

interface ChangeJson {
  id: string
  key: string
  title: string
  type: string
  state: string
  authorName: string
  services: { name: string }[]
  worstCase: string
  rollbackPlan: { steps: string[]; estimatedMinutes: number; tested: boolean; testedHow: string }
  risk: string | null
  riskHint: { level: string; because: string[] } | null
  plannedAt: string | null
  reviewDueAt: string | null
  approvals: { userName: string; scope: string; comment: string; at: string }[]
  blastRadius?: { serviceName: string; distance: number; teamName: string; onCall: { userName: string }[] }[]
  nextActions?: string[]
  warnings?: { field: string; reason: string }[]
  toSubmit?: { field: string; reason: string }[]
}

const collect = (value: string, previous: string[]) => [...previous, value]

function printChange(c: ChangeJson, zone: string): void {
  const out = (s: string) => process.stdout.write(`${s}\n`)
  out(`${c.key}: ${c.title}`)
  out(`${c.state.replace('_', ' ')} · ${c.type} · by ${c.authorName}${c.plannedAt === null ? '' : ` · planned ${displayTime(c.plannedAt, zone)}`}`)
  out(`Services: ${c.services.map((s) => s.name).join(', ') || '(none yet)'}`)
  out(`Worst case: ${c.worstCase || '(not written yet)'}`)
  out(`Rollback (${c.rollbackPlan.estimatedMinutes} min${c.rollbackPlan.tested ? `, rehearsed: ${c.rollbackPlan.testedHow}` : ', not rehearsed'}):`)
  c.rollbackPlan.steps.forEach((s, i) => out(`  ${i + 1}. ${s}`))
  out(`Risk: ${c.risk ?? 'not chosen'}${c.riskHint === null ? '' : ` (Tend suggests ${c.riskHint.level}: ${c.riskHint.because.join('; ')})`}`)
  if (c.reviewDueAt !== null) out(`Emergency review due by ${displayTime(c.reviewDueAt, zone)}`)
  for (const a of c.approvals) out(`${a.scope === 'change' ? 'Approved' : `Freeze exception ${a.scope}`} by ${a.userName} at ${displayTime(a.at, zone)}${a.comment === '' ? '' : `: ${a.comment}`}`)
  if (c.blastRadius !== undefined && c.blastRadius.length > 0) {
    out('Blast radius:')
    for (const b of c.blastRadius) out(`  ${'  '.repeat(b.distance)}${b.serviceName} (${b.teamName}; on call: ${b.onCall.map((o) => o.userName).join(', ') || 'nobody'})`)
  }
  for (const w of c.toSubmit ?? []) out(`To submit: ${w.field}: ${w.reason}`)
  for (const w of c.warnings ?? []) out(`Warning: ${w.field}: ${w.reason}`)
  if (c.nextActions !== undefined && c.nextActions.length > 0) out(`Next: ${c.nextActions.map((a) => `tend changes ${a} ${c.key}`).join(' | ')}`)
}

/** `tend changes …`: change requests from the terminal. */
function registerChanges(program: Command): void {
  const changes = program.command('changes').description('Change requests: worst case, rollback plan, blast radius, approvals')

  changes
    .command('list')
    .description('Change requests, newest first')
    .option('--state <states>', 'comma-separated states, or open (default)', 'open')
    .option('--service <service>', 'service id or name')
    .option('--team <team>', 'team id or name')
    .action(async (flags: { state: string; service?: string; team?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const q = new URLSearchParams({ state: flags.state })
      if (flags.service !== undefined) q.set('serviceId', flags.service)
      if (flags.team !== undefined) q.set('teamId', flags.team)
      const res = await api<{ items: ChangeJson[] }>(resolveConnection(g), 'GET', `/api/v1/changes?${q}`)
      if (g.json === true) return printJson(res.items)
      const zone = displayZone(g.zone)
      printTable(
        res.items.map((c) => ({ key: c.key, state: c.state, type: c.type, title: c.title.slice(0, 50), services: c.services.map((s) => s.name).join(','), risk: c.risk ?? c.riskHint?.level ?? '-', planned: c.plannedAt === null ? '-' : displayTime(c.plannedAt, zone) })),
        ['key', 'state', 'type', 'title', 'services', 'risk', 'planned'],
      )
    })

  changes
    .command('show')
    .description('Show a change request with its rollback plan and live blast radius')
    .argument('<change>', 'CR-42, 42 or id')
    .action(async (ref: string, _flags: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const c = await api<ChangeJson>(resolveConnection(g), 'GET', `/api/v1/changes/${encodeURIComponent(ref)}`)
      if (g.json === true) return printJson(c)
      printChange(c, displayZone(g.zone))
    })

  changes
    .command('create')
    .description('Open a change request as a draft')
    .requiredOption('--title <title>', 'what changes, in one line')
    .option('--service <services>', 'comma-separated services touched (ids or names)')
    .option('--type <type>', 'standard, normal (default) or emergency', 'normal')
    .option('--description <text>', 'more detail')
    .option('--worst-case <text>', 'what users would see if this went wrong')
    .option('--rollback-step <step>', 'a concrete undo step (repeat for several, in order)', collect, [])
    .option('--rollback-minutes <n>', 'how long the rollback takes')
    .option('--rollback-tested-how <text>', 'how and when the rollback was rehearsed')
    .option('--verify <step>', 'how you will know it worked (repeatable)', collect, [])
    .option('--risk <risk>', 'low, medium or high')
    .option('--planned-at <time>', 'RFC 3339')
    .action(async (f: { title: string; service?: string; type: string; description?: string; worstCase?: string; rollbackStep: string[]; rollbackMinutes?: string; rollbackTestedHow?: string; verify: string[]; risk?: string; plannedAt?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const body = {
        title: f.title,
        type: f.type,
        serviceIds: f.service === undefined ? [] : f.service.split(',').map((s) => s.trim()),
        ...(f.description === undefined ? {} : { description: f.description }),
        ...(f.worstCase === undefined ? {} : { worstCase: f.worstCase }),
        rollbackPlan: {
          steps: f.rollbackStep,
          ...(f.rollbackMinutes === undefined ? {} : { estimatedMinutes: Number(f.rollbackMinutes) }),
          ...(f.rollbackTestedHow === undefined ? {} : { tested: true, testedHow: f.rollbackTestedHow }),
        },
        verificationSteps: f.verify,
        ...(f.risk === undefined ? {} : { risk: f.risk }),
        ...(f.plannedAt === undefined ? {} : { plannedAt: f.plannedAt }),
      }
      const c = await api<ChangeJson>(resolveConnection(g), 'POST', '/api/v1/changes', body)
      if (g.json === true) return printJson(c)
      process.stdout.write(`Created ${c.key} (draft)\n`)
      printChange(c, displayZone(g.zone))
    })

  for (const action of ['submit', 'approve', 'start', 'complete', 'rollback', 'cancel', 'reopen'] as const) {
    changes
      .command(action)
      .description(`${action.charAt(0).toUpperCase()}${action.slice(1)} a change request`)
      .argument('<change>', 'CR-42, 42 or id')
      .option('--comment <text>', 'kept with the approval, or as a comment')
      .action(async (ref: string, flags: { comment?: string }, cmd: Command) => {
        const g = cmd.optsWithGlobals<Globals>()
        const c = await api<ChangeJson>(resolveConnection(g), 'POST', `/api/v1/changes/${encodeURIComponent(ref)}/${action}`, flags.comment === undefined ? {} : { comment: flags.comment })
        if (g.json === true) return printJson(c)
        process.stdout.write(`${c.key} is now ${c.state.replace('_', ' ')}\n`)
        if (c.reviewDueAt !== null && action === 'start') process.stdout.write(`Emergency change: a teammate must review it by ${displayTime(c.reviewDueAt, displayZone(g.zone))} (a follow-up was filed)\n`)
      })
  }

  changes
    .command('comment')
    .description('Comment on a change request')
    .argument('<change>', 'CR-42, 42 or id')
    .requiredOption('--body <text>', 'the comment')
    .action(async (ref: string, flags: { body: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const res = await api<unknown>(resolveConnection(g), 'POST', `/api/v1/changes/${encodeURIComponent(ref)}/comments`, { body: flags.body })
      if (g.json === true) return printJson(res)
      process.stdout.write('Comment added\n')
    })

  changes
    .command('except')
    .description("Grant a change an exception to a freeze (the freeze's approvers)")
    .argument('<change>', 'CR-42, 42 or id')
    .requiredOption('--freeze <id>', 'freeze id')
    .option('--comment <text>', 'why the exception is right')
    .action(async (ref: string, flags: { freeze: string; comment?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const c = await api<ChangeJson>(resolveConnection(g), 'POST', `/api/v1/changes/${encodeURIComponent(ref)}/freeze-exceptions`, { freezeId: flags.freeze, ...(flags.comment === undefined ? {} : { comment: flags.comment }) })
      if (g.json === true) return printJson(c)
      process.stdout.write(`${c.key} may deploy during freeze ${flags.freeze}\n`)
    })

  const freezes = program.command('freezes').description('Deploy freezes')
  freezes
    .command('list')
    .description('Freezes not yet over')
    .action(async (_flags: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const res = await api<{ items: { id: string; name: string; start: string; end: string; scope: { kind: string }; active: boolean }[] }>(resolveConnection(g), 'GET', '/api/v1/freezes')
      if (g.json === true) return printJson(res.items)
      const zone = displayZone(g.zone)
      printTable(res.items.map((f) => ({ id: f.id, name: f.name, from: displayTime(f.start, zone), until: displayTime(f.end, zone), scope: f.scope.kind, active: f.active ? 'yes' : '' })), ['id', 'name', 'from', 'until', 'scope', 'active'])
    })
  freezes
    .command('create')
    .description('Freeze deploys for a period (scope all: global admins; --team/--service: their admins)')
    .requiredOption('--name <name>', 'e.g. "Black Friday"')
    .requiredOption('--start <time>', 'RFC 3339')
    .requiredOption('--end <time>', 'RFC 3339')
    .option('--team <teams>', 'comma-separated teams (default: everything)')
    .option('--service <services>', 'comma-separated services')
    .option('--reason <text>', 'why')
    .option('--approver <emails>', 'comma-separated people who may approve exceptions')
    .action(async (f: { name: string; start: string; end: string; team?: string; service?: string; reason?: string; approver?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<Globals>()
      const list = (s: string) => s.split(',').map((x) => x.trim())
      const scope = f.service !== undefined ? { kind: 'services', serviceIds: list(f.service) } : f.team !== undefined ? { kind: 'teams', teamIds: list(f.team) } : { kind: 'all' }
      const res = await api<{ id: string; name: string }>(resolveConnection(g), 'POST', '/api/v1/freezes', {
        name: f.name,
        start: f.start,
        end: f.end,
        scope,
        ...(f.reason === undefined ? {} : { reason: f.reason }),
        ...(f.approver === undefined ? {} : { approverIds: list(f.approver) }),
      })
      if (g.json === true) return printJson(res)
      process.stdout.write(`Created freeze ${res.name} (${res.id})\n`)
    })
}

/** Registers the change-safety commands: `tend changes`, `tend freezes` and `tend deploy`. */
export function registerChangeSafety(program: Command): void {
  registerChanges(program)
  registerDeploy(program)
}

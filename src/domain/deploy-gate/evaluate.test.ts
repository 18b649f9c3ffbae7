import { describe, expect, it } from 'vitest'
import { HOUR_MS, localDate, localTime, localToInstant, WEEKDAYS, type Instant, type Weekday } from '../../lib/time/index.js'
import { evaluateDeploy } from './evaluate.js'
import type { DeployPolicy, Freeze, GateChange, GateInput, OnCallFact } from './model.js'
import { DEFAULT_DEPLOY_POLICY } from './policy.js'

const ZONE = 'Europe/Berlin'
const berlin = (date: string, time: string): Instant => localToInstant(ZONE, localDate(date), localTime(time))
const MON_THU: Weekday[] = ['mon', 'tue', 'wed', 'thu']

// November 2026: Mon 16, Tue 17, Wed 18, Thu 19, Fri 20, Sat 21, Mon 23.
const TUE_0930 = berlin('2026-11-17', '09:30')

/** Alice covers a week around `at`, reachable, awake, not a relief override. */
function alice(at: Instant, over: Partial<OnCallFact> = {}): OnCallFact {
  return { from: at - 24 * HOUR_MS, to: at + 7 * 24 * HOUR_MS, userId: 'u-alice', userName: 'Alice', asleepDuring: false, relieved: false, reachable: true, ...over }
}

function policy(over: Partial<DeployPolicy> = {}): DeployPolicy {
  return { ...DEFAULT_DEPLOY_POLICY(ZONE), ...over }
}

function gate(at: Instant, over: Partial<GateInput> = {}): GateInput {
  return {
    at,
    serviceId: 'svc-checkout',
    teamId: 'team-payments',
    kind: 'deploy',
    policy: policy(),
    freezes: [],
    change: null,
    facts: { onCall: [alice(at)], openHighUrgencyAlerts: 0, nightBudgetSpent: false },
    ...over,
  }
}

const PEAK: Freeze = {
  id: 'frz-peak',
  name: 'Black Friday',
  start: berlin('2026-11-16', '00:00'),
  end: berlin('2026-12-01', '00:00'),
  scope: { kind: 'all' },
  reason: 'peak season',
}

function change(over: Partial<GateChange> = {}): GateChange {
  return { id: 'CHG-7', state: 'approved', type: 'normal', hasRollbackPlan: true, approvedFreezeExceptions: [], ...over }
}

const codes = (input: GateInput) => evaluateDeploy(input).reasons.map((r) => `${r.effect}:${r.code}`)

describe('evaluateDeploy: the required cases', () => {
  const cases: { name: string; input: GateInput; allowed: boolean; reasons: string[]; next: Instant | null }[] = [
    { name: 'Tue 09:30 inside the window', input: gate(TUE_0930), allowed: true, reasons: [], next: TUE_0930 },
    {
      name: 'Fri 22:00 with Mon–Thu windows',
      input: gate(berlin('2026-11-20', '22:00'), { policy: policy({ windows: [{ days: MON_THU, start: localTime('09:00'), end: localTime('17:00') }] }) }),
      allowed: false,
      reasons: ['deny:WINDOW_CLOSED', 'deny:SUPPORT_TAIL'],
      next: berlin('2026-11-23', '09:00'),
    },
    {
      name: 'Thu 14:30 with staffed hours to 17:00 and a 3 h tail',
      input: gate(berlin('2026-11-19', '14:30')),
      allowed: false,
      reasons: ['deny:SUPPORT_TAIL'],
      next: berlin('2026-11-20', '09:00'),
    },
    { name: 'Thu 14:00 exactly leaves 3 h', input: gate(berlin('2026-11-19', '14:00')), allowed: true, reasons: [], next: berlin('2026-11-19', '14:00') },
    {
      name: 'inside a freeze',
      input: gate(TUE_0930, { freezes: [PEAK] }),
      allowed: false,
      reasons: ['deny:FREEZE'],
      next: berlin('2026-12-01', '09:00'),
    },
    {
      name: 'inside a freeze with an approved exception',
      input: gate(TUE_0930, { freezes: [PEAK], change: change({ approvedFreezeExceptions: ['frz-peak'] }) }),
      allowed: true,
      reasons: ['allow:FREEZE_EXCEPTION'],
      next: TUE_0930,
    },
    {
      name: 'on a holiday',
      input: gate(berlin('2026-12-24', '10:00'), { policy: policy({ holidays: [localDate('2026-12-24'), localDate('2026-12-25')] }) }),
      allowed: false,
      // Nobody is staffed on a holiday, so the tail denies too.
      reasons: ['deny:HOLIDAY', 'deny:SUPPORT_TAIL'],
      next: berlin('2026-12-28', '09:00'),
    },
  ]
  it.each(cases)('$name', ({ input, allowed, reasons, next }) => {
    const decision = evaluateDeploy(input)
    expect(decision.allowed).toBe(allowed)
    expect(decision.reasons.map((r) => `${r.effect}:${r.code}`)).toEqual(reasons)
    expect(decision.nextAllowedAt).toBe(next)
    expect(decision.evaluatedAt).toBe(input.at)
  })
})

describe('evaluateDeploy: messages name local times and when each rule lifts', () => {
  it('says how long the window stays closed', () => {
    const input = gate(berlin('2026-11-20', '22:00'), { policy: policy({ windows: [{ days: MON_THU, start: localTime('09:00'), end: localTime('17:00') }] }) })
    expect(evaluateDeploy(input).reasons).toEqual([
      { code: 'WINDOW_CLOSED', effect: 'deny', message: 'deploy window closed until Mon 09:00 Europe/Berlin', until: berlin('2026-11-23', '09:00') },
      {
        code: 'SUPPORT_TAIL',
        effect: 'deny',
        message: 'outside staffed hours (Mon–Fri 09:00–17:00 Europe/Berlin): a deploy needs 3 h of staffed time after it',
        until: berlin('2026-11-23', '09:00'),
      },
    ])
  })

  it('says how much staffed time is left', () => {
    expect(evaluateDeploy(gate(berlin('2026-11-19', '14:30'))).reasons).toEqual([
      {
        code: 'SUPPORT_TAIL',
        effect: 'deny',
        message: 'only 2 h 30 min of staffed time left (until Thu 17:00 Europe/Berlin): a deploy needs 3 h of staffed time after it',
        until: berlin('2026-11-20', '09:00'),
      },
    ])
  })

  it('names the freeze, its end and its reason, with the date when it is more than a week away', () => {
    expect(evaluateDeploy(gate(TUE_0930, { freezes: [PEAK] })).reasons).toEqual([
      { code: 'FREEZE', effect: 'deny', message: 'freeze "Black Friday" until 2026-12-01 00:00 Europe/Berlin: peak season', until: PEAK.end },
    ])
  })

  it('names the holiday and lifts it at the next local midnight', () => {
    const input = gate(berlin('2026-12-24', '10:00'), { policy: policy({ holidays: [localDate('2026-12-24')] }) })
    expect(evaluateDeploy(input).reasons[0]).toEqual({
      code: 'HOLIDAY',
      effect: 'deny',
      message: '2026-12-24 is a holiday in Europe/Berlin: nobody is at work to support a deploy',
      until: berlin('2026-12-25', '00:00'),
    })
  })
})

describe('evaluateDeploy: precedence (Argo CD sync-window semantics)', () => {
  it('with no windows, any staffed time with the tail to spare allows', () => {
    const noWindows = policy({ windows: [] })
    expect(codes(gate(berlin('2026-11-18', '11:00'), { policy: noWindows }))).toEqual([])
    expect(codes(gate(berlin('2026-11-21', '11:00'), { policy: noWindows }))).toEqual(['deny:SUPPORT_TAIL'])
  })

  it('once a window exists, staffed time outside it is denied', () => {
    const tueThu = policy({ windows: [{ days: ['tue', 'thu'], start: localTime('10:00'), end: localTime('12:00') }] })
    expect(codes(gate(berlin('2026-11-18', '10:30'), { policy: tueThu }))).toEqual(['deny:WINDOW_CLOSED'])
    expect(codes(gate(berlin('2026-11-17', '09:30'), { policy: tueThu }))).toEqual(['deny:WINDOW_CLOSED'])
    expect(codes(gate(berlin('2026-11-17', '10:30'), { policy: tueThu }))).toEqual([])
  })

  it('any one of several windows allows', () => {
    const two = policy({
      windows: [
        { days: ['mon'], start: localTime('09:00'), end: localTime('10:00') },
        { days: ['tue'], start: localTime('13:00'), end: localTime('14:00') },
      ],
    })
    expect(codes(gate(berlin('2026-11-17', '13:15'), { policy: two }))).toEqual([])
    expect(evaluateDeploy(gate(berlin('2026-11-16', '10:00'), { policy: two })).nextAllowedAt).toBe(berlin('2026-11-17', '13:00'))
  })

  it('deny wins over allow: a freeze denies inside a window', () => {
    expect(codes(gate(TUE_0930, { freezes: [PEAK] }))).toEqual(['deny:FREEZE'])
  })

  it('the tail is what keeps Friday evening closed, even with windows removed', () => {
    const decision = evaluateDeploy(gate(berlin('2026-11-20', '15:00'), { policy: policy({ windows: [] }) }))
    expect(decision.reasons.map((r) => r.code)).toEqual(['SUPPORT_TAIL'])
    expect(decision.nextAllowedAt).toBe(berlin('2026-11-23', '09:00'))
  })

  it('a team staffed around the clock is never cut by the tail', () => {
    const allDay = policy({ windows: [], staffedHours: { days: [...WEEKDAYS], start: localTime('00:00'), end: localTime('00:00') } })
    expect(codes(gate(berlin('2026-11-21', '03:00'), { policy: allDay }))).toEqual([])
  })

  it('staffed hours that cross midnight count as one period', () => {
    const nights = policy({ windows: [], staffedHours: { days: ['mon'], start: localTime('20:00'), end: localTime('04:00') } })
    expect(codes(gate(berlin('2026-11-16', '19:59'), { policy: nights }))).toEqual(['deny:SUPPORT_TAIL'])
    expect(codes(gate(berlin('2026-11-16', '23:30'), { policy: nights }))).toEqual([])
    expect(codes(gate(berlin('2026-11-17', '01:00'), { policy: nights }))).toEqual([])
    expect(codes(gate(berlin('2026-11-17', '01:01'), { policy: nights }))).toEqual(['deny:SUPPORT_TAIL'])
  })
})

describe('evaluateDeploy: freezes and exceptions', () => {
  it('an exception lifts only the freeze it names', () => {
    const other: Freeze = { ...PEAK, id: 'frz-db', name: 'DB migration' }
    const input = gate(TUE_0930, { freezes: [PEAK, other], change: change({ approvedFreezeExceptions: ['frz-peak'] }) })
    expect(codes(input)).toEqual(['deny:FREEZE', 'allow:FREEZE_EXCEPTION'])
    expect(evaluateDeploy(input).reasons[0]?.message).toContain('DB migration')
  })

  it('an exception does not lift NO_ONCALL', () => {
    const input = gate(TUE_0930, {
      freezes: [PEAK],
      change: change({ approvedFreezeExceptions: ['frz-peak'] }),
      facts: { onCall: [], openHighUrgencyAlerts: 0, nightBudgetSpent: false },
    })
    const decision = evaluateDeploy(input)
    expect(decision.allowed).toBe(false)
    expect(codes(input)).toEqual(['allow:FREEZE_EXCEPTION', 'deny:NO_ONCALL'])
    // The calendar allows now; the missing on-call is the caller's to fix.
    expect(decision.nextAllowedAt).toBe(TUE_0930)
  })

  it('an exception does not lift the support tail', () => {
    const input = gate(berlin('2026-11-19', '14:30'), { freezes: [PEAK], change: change({ approvedFreezeExceptions: ['frz-peak'] }) })
    expect(codes(input)).toEqual(['deny:SUPPORT_TAIL', 'allow:FREEZE_EXCEPTION'])
  })

  it('an exception on a change that is not approved does not count', () => {
    const input = gate(TUE_0930, { freezes: [PEAK], change: change({ state: 'submitted', approvedFreezeExceptions: ['frz-peak'] }) })
    expect(codes(input)).toEqual(['deny:FREEZE'])
  })

  it('scopes freezes by team and by service', () => {
    const teamFreeze: Freeze = { ...PEAK, scope: { kind: 'teams', teamIds: ['team-payments'] } }
    const serviceFreeze: Freeze = { ...PEAK, scope: { kind: 'services', serviceIds: ['svc-search'] } }
    expect(codes(gate(TUE_0930, { freezes: [teamFreeze] }))).toEqual(['deny:FREEZE'])
    expect(codes(gate(TUE_0930, { freezes: [teamFreeze], teamId: 'team-search' }))).toEqual([])
    expect(codes(gate(TUE_0930, { freezes: [serviceFreeze] }))).toEqual([])
    expect(codes(gate(TUE_0930, { freezes: [serviceFreeze], serviceId: 'svc-search' }))).toEqual(['deny:FREEZE'])
  })

  it('a freeze is half-open: its end instant is free again', () => {
    const short: Freeze = { ...PEAK, start: berlin('2026-11-17', '09:00'), end: berlin('2026-11-17', '10:00') }
    expect(codes(gate(berlin('2026-11-17', '09:59'), { freezes: [short] }))).toEqual(['deny:FREEZE'])
    expect(codes(gate(berlin('2026-11-17', '10:00'), { freezes: [short] }))).toEqual([])
    expect(evaluateDeploy(gate(berlin('2026-11-17', '09:30'), { freezes: [short] })).nextAllowedAt).toBe(berlin('2026-11-17', '10:00'))
  })
})

describe('evaluateDeploy: rollbacks are always allowed', () => {
  it('allows a rollback in a freeze, outside the window, on a holiday, with nobody on call, listing the warnings', () => {
    const at = berlin('2026-11-21', '23:00')
    const input = gate(at, {
      kind: 'rollback',
      freezes: [PEAK],
      policy: policy({ holidays: [localDate('2026-11-21')] }),
      facts: { onCall: [], openHighUrgencyAlerts: 2, nightBudgetSpent: false },
    })
    const decision = evaluateDeploy(input)
    expect(decision.allowed).toBe(true)
    expect(decision.nextAllowedAt).toBe(at)
    expect(decision.reasons.map((r) => `${r.effect}:${r.code}`)).toEqual([
      'allow:ROLLBACK_ALWAYS_ALLOWED',
      'warn:WINDOW_CLOSED',
      'warn:HOLIDAY',
      'warn:SUPPORT_TAIL',
      'warn:FREEZE',
      'warn:NO_ONCALL',
      'warn:OPEN_HIGH_URGENCY_ALERT',
    ])
    expect(decision.reasons[0]?.message).toBe('rollbacks are always allowed: undoing a change lowers risk (6 rules that would stop a deploy are listed as warnings)')
  })

  it('says only that it is allowed when nothing would have blocked', () => {
    expect(evaluateDeploy(gate(TUE_0930, { kind: 'rollback' })).reasons).toEqual([
      { code: 'ROLLBACK_ALWAYS_ALLOWED', effect: 'allow', message: 'rollbacks are always allowed: undoing a change lowers risk' },
    ])
  })
})

describe('evaluateDeploy: facts', () => {
  const at = TUE_0930
  const threeHoursLater = at + 3 * HOUR_MS

  it('lists every reason, not just the first', () => {
    const input = gate(berlin('2026-11-21', '23:00'), {
      freezes: [PEAK],
      policy: policy({ holidays: [localDate('2026-11-21')], checks: { ...policy().checks, requireApprovedChange: true } }),
      change: change({ state: 'draft', hasRollbackPlan: false }),
      facts: {
        onCall: [alice(berlin('2026-11-21', '23:00'), { asleepDuring: true, relieved: true, reachable: false })],
        openHighUrgencyAlerts: 1,
        nightBudgetSpent: true,
      },
    })
    expect(codes(input)).toEqual([
      'deny:WINDOW_CLOSED',
      'deny:HOLIDAY',
      'deny:SUPPORT_TAIL',
      'deny:FREEZE',
      'deny:NO_ONCALL',
      'deny:ONCALL_ASLEEP',
      'deny:ONCALL_RELIEVED',
      'deny:NIGHT_BUDGET_SPENT',
      'deny:OPEN_HIGH_URGENCY_ALERT',
      'deny:NO_APPROVED_CHANGE',
      'deny:NO_ROLLBACK_PLAN',
    ])
  })

  it('finds a gap in cover during the tail, with its local start and length', () => {
    const until = at + HOUR_MS
    const input = gate(at, { facts: { onCall: [alice(at, { from: at - HOUR_MS, to: until }), alice(at, { from: until + 30 * 60_000, to: threeHoursLater + HOUR_MS })], openHighUrgencyAlerts: 0, nightBudgetSpent: false } })
    expect(evaluateDeploy(input).reasons).toEqual([
      { code: 'NO_ONCALL', effect: 'deny', message: 'nobody is on call from Tue 10:30 Europe/Berlin for 30 min: someone must be reachable while the deploy settles' },
    ])
  })

  it('treats an explicit schedule gap and an unreachable person as no on-call', () => {
    const gap = alice(at, { userId: null, userName: null })
    expect(codes(gate(at, { facts: { onCall: [gap], openHighUrgencyAlerts: 0, nightBudgetSpent: false } }))).toEqual(['deny:NO_ONCALL'])
    const unreachable = gate(at, { facts: { onCall: [alice(at, { reachable: false })], openHighUrgencyAlerts: 0, nightBudgetSpent: false } })
    expect(evaluateDeploy(unreachable).reasons[0]?.message).toBe(
      'Alice cannot be woken (no verified interrupting contact method): someone must be reachable while the deploy settles',
    )
  })

  it('ignores facts outside the tail', () => {
    const later = alice(at, { from: threeHoursLater + 1, to: threeHoursLater + HOUR_MS, asleepDuring: true })
    expect(codes(gate(at, { facts: { onCall: [alice(at), later], openHighUrgencyAlerts: 0, nightBudgetSpent: false } }))).toEqual([])
  })

  it('honours switched-off checks', () => {
    const off = policy({ checks: { requireOnCall: false, denyIfOnCallAsleep: false, denyIfOnCallRelieved: false, denyIfNightBudgetSpent: false, denyIfOpenHighUrgencyAlert: false, requireApprovedChange: false } })
    const input = gate(at, { policy: off, facts: { onCall: [alice(at, { asleepDuring: true, relieved: true })], openHighUrgencyAlerts: 3, nightBudgetSpent: true } })
    expect(codes(input)).toEqual([])
  })

  it('requires an approved or started change when the policy says so', () => {
    const strict = policy({ checks: { ...policy().checks, requireApprovedChange: true } })
    expect(codes(gate(at, { policy: strict }))).toEqual(['deny:NO_APPROVED_CHANGE'])
    expect(codes(gate(at, { policy: strict, change: change({ state: 'submitted' }) }))).toEqual(['deny:NO_APPROVED_CHANGE'])
    expect(codes(gate(at, { policy: strict, change: change({ state: 'approved' }) }))).toEqual([])
    expect(codes(gate(at, { policy: strict, change: change({ state: 'in_progress', type: 'emergency' }) }))).toEqual([])
  })

  it('denies a named change without rollback steps even when approval is optional', () => {
    expect(codes(gate(at, { change: change({ hasRollbackPlan: false }) }))).toEqual(['deny:NO_ROLLBACK_PLAN'])
  })
})

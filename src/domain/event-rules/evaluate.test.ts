import { describe, expect, it } from 'vitest'
import type { AlertEvent } from '../alerts/index.js'
import { evaluateEventRules } from './evaluate.js'
import type { EventRule, RecentFires } from './model.js'
import { normalizeEventRule, type EventRuleInput } from './normalize.js'

const MIN = 60_000
const NOW = Date.UTC(2024, 0, 10, 3, 0)

function event(extra: Partial<AlertEvent> = {}): AlertEvent {
  return {
    action: 'trigger',
    dedupKey: 'disk-web1',
    summary: 'Disk almost full on web1',
    source: 'web1.prod.example.com',
    severity: 'warning',
    component: 'disk',
    class: 'capacity',
    details: { labels: { env: 'prod', team: 'infra' }, disk: { used_pct: 93, mounts: ['/', '/var'] } },
    links: [],
    ...extra,
  }
}

/** A fire log like the store keeps: records fires, counts those in (now − window, now]. */
class FireLog implements RecentFires {
  readonly #fires: { key: string; at: number }[] = []
  constructor(private readonly now: number) {}
  record(key: string, at: number): void {
    this.#fires.push({ key, at })
  }
  firesInWindow(key: string, withinMs: number): number {
    return this.#fires.filter((f) => f.key === key && f.at > this.now - withinMs && f.at <= this.now).length
  }
}

const rule = (input: EventRuleInput): EventRule => normalizeEventRule(input)
const none = new FireLog(NOW)

describe('conditions (all must match)', () => {
  it.each<[string, EventRuleInput['conditions']]>([
    ['summary contains', [{ field: 'summary', op: 'contains', value: 'almost full' }]],
    ['summary contains, ignoring case', [{ field: 'summary', op: 'contains', value: 'DISK', ignoreCase: true }]],
    ['summary regex', [{ field: 'summary', op: 'matches', pattern: '^Disk (almost )?full' }]],
    ['source regex', [{ field: 'source', op: 'matches', pattern: '\\.prod\\.' }]],
    ['severity in', [{ field: 'severity', op: 'in', values: ['warning', 'info'] }]],
    ['component and class', [{ field: 'component', op: 'equals', value: 'disk' }, { field: 'class', op: 'equals', value: 'capacity' }]],
    ['a label', [{ field: 'labels.env', op: 'equals', value: 'prod' }]],
    ['a custom detail by dot path', [{ field: 'details.disk.used_pct', op: 'equals', value: '93' }]],
    ['an array item', [{ field: 'details.disk.mounts.1', op: 'equals', value: '/var' }]],
    ['existence', [{ field: 'details.disk', op: 'exists' }]],
    ['no conditions at all', []],
  ])('%s matches', (_name, conditions) => {
    const r = evaluateEventRules([rule({ id: 'r', conditions, actions: { suppress: true } })], event(), none, NOW)
    expect(r).toMatchObject({ ruleId: 'r', decision: 'suppress' })
  })

  it.each<[string, EventRuleInput['conditions']]>([
    ['a case-sensitive contains', [{ field: 'summary', op: 'contains', value: 'DISK' }]],
    ['one of two conditions', [{ field: 'component', op: 'equals', value: 'disk' }, { field: 'class', op: 'equals', value: 'latency' }]],
    ['a missing detail', [{ field: 'details.cpu.load', op: 'exists' }]],
    ['an object compared as text', [{ field: 'details.disk', op: 'equals', value: '[object Object]' }]],
    ['a missing component', [{ field: 'group', op: 'equals', value: 'x' }]],
  ])('%s does not match', (_name, conditions) => {
    const r = evaluateEventRules([rule({ id: 'r', conditions, actions: { suppress: true } })], event(), none, NOW)
    expect(r).toMatchObject({ ruleId: null, decision: 'page', reason: 'no event rule matched' })
  })
})

describe('actions', () => {
  const disk = [{ field: 'component', op: 'equals', value: 'disk' }]

  it('suppress keeps the alert and notifies nobody', () => {
    const r = evaluateEventRules([rule({ id: 'quiet', conditions: disk, actions: { suppress: true } })], event(), none, NOW)
    expect(r).toEqual({ ruleId: 'quiet', decision: 'suppress', reason: 'rule quiet: suppress (stored, nobody notified)' })
  })

  it('setUrgency and routeTo travel with the decision', () => {
    const r = evaluateEventRules([rule({ id: 'db', conditions: disk, actions: { setUrgency: 'low', routeTo: 'svc-storage' } })], event(), none, NOW)
    expect(r).toMatchObject({ ruleId: 'db', decision: 'page', urgency: 'low', routeTo: 'svc-storage' })
  })

  describe('pageIfFires: page only if it fires N times in M minutes', () => {
    const flappy = rule({ id: 'flappy', conditions: disk, actions: { pageIfFires: { times: 3, withinMinutes: 10 } } })

    it('suppresses the first and second fire, pages on the third', () => {
      const log = new FireLog(NOW)
      const first = evaluateEventRules([flappy], event(), log, NOW)
      expect(first).toMatchObject({ decision: 'suppress', fireKey: 'rule:flappy:dedup:disk-web1' })
      expect(first.reason).toBe('rule flappy: fired 1 of 3 times within 10 min; not paging yet')
      log.record(first.fireKey!, NOW - 4 * MIN)
      expect(evaluateEventRules([flappy], event(), log, NOW).decision).toBe('suppress')
      log.record(first.fireKey!, NOW - 2 * MIN)
      expect(evaluateEventRules([flappy], event(), log, NOW)).toMatchObject({ decision: 'page', reason: 'rule flappy: fired 3 of 3 times within 10 min' })
    })

    it('forgets fires older than the window', () => {
      const log = new FireLog(NOW)
      log.record('rule:flappy:dedup:disk-web1', NOW - 11 * MIN)
      log.record('rule:flappy:dedup:disk-web1', NOW - 10 * MIN) // exactly M minutes ago: outside (now − M, now]
      expect(evaluateEventRules([flappy], event(), log, NOW).decision).toBe('suppress')
    })

    it('counts per dedup key by default, per rule on request', () => {
      const perRule = rule({ id: 'any-disk', conditions: disk, actions: { pageIfFires: { times: 2, withinMinutes: 10, per: 'rule' } } })
      const log = new FireLog(NOW)
      log.record('rule:flappy:dedup:disk-web2', NOW - MIN)
      log.record('rule:any-disk', NOW - MIN)
      expect(evaluateEventRules([flappy], event(), log, NOW).decision).toBe('suppress')
      expect(evaluateEventRules([perRule], event({ dedupKey: 'disk-web9' }), log, NOW)).toMatchObject({ decision: 'page', fireKey: 'rule:any-disk' })
    })
  })

  it('pageIfStillOpenAfter holds until now + D minutes', () => {
    const patient = rule({ id: 'patient', conditions: disk, actions: { pageIfStillOpenAfter: { minutes: 15 } } })
    expect(evaluateEventRules([patient], event(), none, NOW)).toEqual({
      ruleId: 'patient',
      decision: 'hold',
      holdUntil: NOW + 15 * MIN,
      reason: 'rule patient: pages only if still open after 15 min',
    })
  })

  it('pageIfFires and pageIfStillOpenAfter combine: fired N times, then still open', () => {
    const both = rule({ id: 'both', conditions: disk, actions: { pageIfFires: { times: 2, withinMinutes: 10 }, pageIfStillOpenAfter: { minutes: 5 } } })
    const log = new FireLog(NOW)
    expect(evaluateEventRules([both], event(), log, NOW).decision).toBe('suppress')
    log.record('rule:both:dedup:disk-web1', NOW - MIN)
    expect(evaluateEventRules([both], event(), log, NOW)).toMatchObject({ decision: 'hold', holdUntil: NOW + 5 * MIN })
  })
})

describe('precedence', () => {
  const specific = rule({ id: 'web1-disk', conditions: [{ field: 'source', op: 'matches', pattern: '^web1\\.' }], actions: { setUrgency: 'high' } })
  const general = rule({ id: 'all-warnings', conditions: [{ field: 'severity', op: 'equals', value: 'warning' }], actions: { suppress: true } })

  it('the first matching rule wins; later rules are not consulted', () => {
    expect(evaluateEventRules([specific, general], event(), none, NOW)).toMatchObject({ ruleId: 'web1-disk', decision: 'page', urgency: 'high' })
    expect(evaluateEventRules([general, specific], event(), none, NOW)).toMatchObject({ ruleId: 'all-warnings', decision: 'suppress' })
  })

  it('falls through to the next rule when the first does not match', () => {
    expect(evaluateEventRules([specific, general], event({ source: 'web2.prod' }), none, NOW)).toMatchObject({ ruleId: 'all-warnings' })
  })

  it('skips disabled rules', () => {
    const off = { ...specific, disabled: true }
    expect(evaluateEventRules([off, general], event(), none, NOW).ruleId).toBe('all-warnings')
  })

  it('does not apply rules to acknowledge and resolve events', () => {
    expect(evaluateEventRules([general], event({ action: 'resolve' }), none, NOW)).toMatchObject({ ruleId: null, decision: 'page' })
  })
})

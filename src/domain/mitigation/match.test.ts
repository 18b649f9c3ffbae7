import { describe, expect, it } from 'vitest'
import { loopGuardAllows, matchesAlert } from './match.js'
import { fill, fillJson } from './template.js'

const alert = { dedupKey: 'fp-123', summary: 'api-1 OOMKilled', severity: 'critical' as const, source: 'k8s', details: { labels: { instance: 'api-1', alertname: 'OOM' } } }

describe('mitigation matching', () => {
  it('needs every condition to hold', () => {
    expect(matchesAlert({ summaryPattern: 'oomkilled|out of memory', labels: { alertname: 'OOM' } }, alert)).toBe(true)
    expect(matchesAlert({ summaryPattern: 'disk' }, alert)).toBe(false)
    expect(matchesAlert({ labels: { instance: 'api-2' } }, alert)).toBe(false)
    expect(matchesAlert({ severities: ['warning'] }, alert)).toBe(false)
    expect(matchesAlert({}, alert)).toBe(true)
  })

  it('allows three runs per hour and refuses the fourth', () => {
    const now = 10 * 3_600_000
    const runs = [now - 50 * 60_000, now - 30 * 60_000, now - 10 * 60_000]
    expect(loopGuardAllows(runs.slice(0, 2), now, { maxRuns: 3, perMinutes: 60 })).toBe(true)
    expect(loopGuardAllows(runs, now, { maxRuns: 3, perMinutes: 60 })).toBe(false)
    expect(loopGuardAllows(runs, now + 11 * 60_000, { maxRuns: 3, perMinutes: 60 })).toBe(true)
  })
})

describe('action templates', () => {
  it('fills URLs encoded and JSON bodies without breaking quoting', () => {
    const values = { 'alert.labels.instance': 'api 1', 'alert.summary': 'say "hi"' }
    expect(fill('https://k8s/restart/{{ alert.labels.instance }}', values, encodeURIComponent)).toBe('https://k8s/restart/api%201')
    expect(JSON.stringify(fillJson({ pod: '{{alert.labels.instance}}', why: ['{{alert.summary}}'], n: 1 }, values))).toBe('{"pod":"api 1","why":["say \\"hi\\""],"n":1}')
  })
})

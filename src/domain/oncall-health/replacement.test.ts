import { describe, expect, it } from 'vitest'
import { chooseReplacement, type ReplacementCandidate } from './replacement.js'

const c = (userId: string, more: Partial<ReplacementCandidate> = {}): ReplacementCandidate => ({
  userId,
  inRecovery: false,
  alreadyRelieved: false,
  asleepNow: false,
  recentBurden: 0,
  ...more,
})
const rotation = ['ana', 'ben', 'cleo', 'dan']

describe('chooseReplacement: order of preference', () => {
  it('with everyone equal, takes the next person after the tired one in rotation order', () => {
    const r = chooseReplacement({ tiredUserId: 'ben', rotationOrder: rotation, candidates: rotation.map((id) => c(id)) })
    expect(r).toMatchObject({ none: false, userId: 'cleo' })
  })

  it('wraps around the rotation', () => {
    const r = chooseReplacement({ tiredUserId: 'dan', rotationOrder: rotation, candidates: rotation.map((id) => c(id)) })
    expect(r).toMatchObject({ none: false, userId: 'ana' })
  })

  it('1. never picks someone in recovery or already relieved, and reports who was skipped', () => {
    const r = chooseReplacement({
      tiredUserId: 'ana',
      rotationOrder: rotation,
      candidates: [c('ana'), c('ben', { inRecovery: true }), c('cleo', { alreadyRelieved: true }), c('dan', { recentBurden: 9, asleepNow: true })],
    })
    expect(r).toMatchObject({ none: false, userId: 'dan' })
    expect(r.skipped).toEqual([
      { userId: 'ben', reason: 'in recovery' },
      { userId: 'cleo', reason: 'already relieved' },
    ])
  })

  it('2. prefers someone awake over a less burdened person who is asleep', () => {
    const r = chooseReplacement({
      tiredUserId: 'ana',
      rotationOrder: rotation,
      candidates: [c('ben', { asleepNow: true, recentBurden: 0 }), c('cleo', { recentBurden: 5 }), c('dan', { recentBurden: 7 })],
    })
    expect(r).toMatchObject({ none: false, userId: 'cleo' })
  })

  it('3. among the awake, prefers the lowest recent burden over rotation order', () => {
    const r = chooseReplacement({
      tiredUserId: 'ana',
      rotationOrder: rotation,
      candidates: [c('ben', { recentBurden: 4 }), c('cleo', { recentBurden: 1 }), c('dan', { recentBurden: 1 })],
    })
    expect(r).toMatchObject({ none: false, userId: 'cleo' })
    if (!r.none) expect(r.why).toBe('cleo: awake now, recent burden 1, the preferred of 3 eligible')
  })

  it('4. ties on burden go to the nearest after the tired person', () => {
    const r = chooseReplacement({ tiredUserId: 'cleo', rotationOrder: rotation, candidates: [c('ana', { recentBurden: 2 }), c('ben', { recentBurden: 2 })] })
    expect(r).toMatchObject({ none: false, userId: 'ana' })
  })

  it('takes an asleep person when nobody eligible is awake, and says so', () => {
    const r = chooseReplacement({ tiredUserId: 'ana', rotationOrder: rotation, candidates: rotation.map((id) => c(id, { asleepNow: true })) })
    expect(r).toMatchObject({ none: false, userId: 'ben' })
    if (!r.none) expect(r.why).toContain('asleep now (nobody eligible is awake)')
  })

  it('counts a member listed twice once, and starts from the top when the tired person is not in the rotation', () => {
    const r = chooseReplacement({ tiredUserId: 'zoe', rotationOrder: ['ana', 'ben', 'ana'], candidates: [c('ana', { inRecovery: true }), c('ben')] })
    expect(r).toMatchObject({ none: false, userId: 'ben', skipped: [{ userId: 'ana', reason: 'in recovery' }] })
  })

  it('rejects a burden that cannot be compared', () => {
    expect(() => chooseReplacement({ tiredUserId: 'ana', rotationOrder: rotation, candidates: [c('ben', { recentBurden: Number.NaN })] })).toThrow(RangeError)
  })
})

describe('chooseReplacement: nobody eligible', () => {
  it('answers none with the reason for every member, so the caller keeps the current on-call and escalates', () => {
    const r = chooseReplacement({
      tiredUserId: 'ana',
      rotationOrder: rotation,
      candidates: [c('ana'), c('ben', { inRecovery: true }), c('cleo', { alreadyRelieved: true })],
    })
    expect(r).toEqual({
      none: true,
      why: 'nobody can take over from ana: ben is in recovery, cleo is already relieved, dan is of unknown availability',
      skipped: [
        { userId: 'ben', reason: 'in recovery' },
        { userId: 'cleo', reason: 'already relieved' },
        { userId: 'dan', reason: 'no availability known' },
      ],
    })
  })

  it('answers none when the tired person is the whole rotation', () => {
    expect(chooseReplacement({ tiredUserId: 'ana', rotationOrder: ['ana'], candidates: [c('ana')] })).toEqual({
      none: true,
      why: 'nobody can take over from ana: the rotation has no one else',
      skipped: [],
    })
  })
})

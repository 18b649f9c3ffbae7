import { describe, expect, it } from 'vitest'
import { emptyWindowDraft, windowDraftErrors, windowDraftToInput } from './window-draft'

const NOW = Date.parse('2026-11-24T09:00:20Z')

describe('maintenance window drafts', () => {
  it('offers the next whole hour for two hours on the viewer’s wall clock', () => {
    const draft = emptyWindowDraft('s1', NOW, 'Asia/Kolkata')
    expect([draft.start, draft.end]).toEqual(['2026-11-24T15:30', '2026-11-24T17:30'])
  })

  it('sends ad hoc windows as minutes from now', () => {
    const draft = { ...emptyWindowDraft('s1', NOW, 'UTC'), reason: 'db upgrade', minutes: '30' }
    expect(windowDraftErrors(draft, 'UTC')).toEqual({})
    expect(windowDraftToInput(draft, 'UTC')).toEqual({ reason: 'db upgrade', durationMinutes: 30 })
  })

  it('sends scheduled times with the zone’s offset on each date, across a DST change', () => {
    const draft = { ...emptyWindowDraft('s1', NOW, 'Europe/London'), kind: 'scheduled' as const, start: '2026-10-24T22:00', end: '2026-10-25T04:00' }
    expect(windowDraftToInput(draft, 'Europe/London')).toEqual({ reason: '', start: '2026-10-24T22:00:00+01:00', end: '2026-10-25T04:00:00+00:00' })
  })

  it('keys what cannot be sent like the API’s fields', () => {
    const draft = { ...emptyWindowDraft('', NOW, 'UTC'), kind: 'scheduled' as const, start: '', end: '2026-11-24' }
    expect(Object.keys(windowDraftErrors(draft, 'UTC'))).toEqual(['serviceId', 'start', 'end'])
    expect(Object.keys(windowDraftErrors({ ...draft, kind: 'adhoc', minutes: '1.5' }, 'UTC'))).toEqual(['serviceId', 'durationMinutes'])
  })
})

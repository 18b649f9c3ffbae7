import { describe, expect, it } from 'vitest'
import { barPercent, incidentScale } from './burden-scale'

describe('burden scale', () => {
  it('clamps bar widths to 0–100%', () => {
    expect(barPercent(1, 4)).toBe(25)
    expect(barPercent(2, 3)).toBe(66.7)
    expect(barPercent(5, 4)).toBe(100)
    expect(barPercent(0, 0)).toBe(0)
    expect(barPercent(-1, 4)).toBe(0)
  })

  it('puts the incidents bar (2) mid-scale unless someone is far over it', () => {
    expect(incidentScale([0.5, null, 1])).toBe(4)
    expect(incidentScale([6])).toBe(8)
  })
})

import { describe, expect, it } from 'vitest'
import { assignUserColors } from './user-colors'

describe('assignUserColors', () => {
  it('gives the first eight people eight different colours, in order, ignoring repeats', () => {
    const ids = ['a', 'b', 'a', 'c', 'd', 'e', 'f', 'g', 'h']
    const colors = assignUserColors(ids)
    expect(new Set(colors.values()).size).toBe(8)
    expect(assignUserColors(['a', 'b']).get('b')).toBe(colors.get('b'))
  })

  it('keeps members’ colours when other people come and go after them', () => {
    expect(assignUserColors(['lena', 'jonas', 'x']).get('jonas')).toBe(assignUserColors(['lena', 'jonas']).get('jonas'))
  })
})

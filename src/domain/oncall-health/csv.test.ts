import { describe, expect, it } from 'vitest'
import { csvField, renderCsv } from './csv.js'

describe('RFC 4180 CSV', () => {
  it('ends every record with CRLF', () => {
    expect(renderCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n')
  })

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('quotes %j as %j', (cell, out) => {
    expect(csvField(cell)).toBe(out)
  })

  it('keeps spreadsheet formulas from running (OWASP CSV injection)', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField('+1')).toBe("'+1")
    expect(csvField('-1')).toBe("'-1")
    expect(csvField('@cmd')).toBe("'@cmd")
  })

  it('writes numbers as they are and refuses non-finite ones', () => {
    expect(csvField(-1.5)).toBe('-1.5')
    expect(() => csvField(Number.NaN)).toThrow(RangeError)
  })
})

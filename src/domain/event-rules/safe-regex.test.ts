import { describe, expect, it } from 'vitest'
import { MAX_MATCH_INPUT, regexProblem, safeRegexTest } from './safe-regex.js'

describe('regexProblem', () => {
  it.each([
    'disk (full|almost full)',
    '^5\\d\\d$',
    'timeout|deadline exceeded',
    '^Disk .* on web\\d+$',
    '(beep|boop)?',
    'x{1,16}y{1,16}',
    '(?<host>web\\d+)\\.example\\.com',
    'a{2,5}?b',
    '[(+*)]+', // quantifier characters inside a class are literals
  ])('accepts %s', (pattern) => {
    expect(regexProblem(pattern)).toBeNull()
  })

  it.each([
    ['(a+)+', 'nested repeats'],
    ['(x+x+)+y', 'nested repeats'],
    ['(a+){10}', 'nested repeats'],
    ['((ab)*c)*', 'nested repeats'],
    ['(?:a|b?)+', 'nested repeats'],
    ['(a|a)*b', 'repeated group of alternatives'],
    ['(beep|boop)*', 'repeated group of alternatives'],
    ['\\blocation\\s*:[^:\\n]+', 'could backtrack too long'],
    ['x{1,100}y{1,100}', 'could backtrack too long'],
    ['.*a{1,16}b', 'could backtrack too long'],
    ['^a*a*a*b', 'could backtrack too long'],
    ['^a.*|b.*c', 'could backtrack too long'],
    ['(\\w+)\\1', 'backreferences'],
    ['(?<n>a)\\k<n>', 'backreferences'],
    ['a?'.repeat(11), 'at most 10 repeats'],
    ['(unclosed', 'Invalid regular expression'],
    ['', 'must not be empty'],
    ['x'.repeat(257), 'at most 256 characters'],
  ])('rejects %s', (pattern, reason) => {
    expect(regexProblem(pattern)).toContain(reason)
  })
})

describe('safeRegexTest', () => {
  it('honours ignoreCase', () => {
    expect(safeRegexTest('disk full', true, 'DISK FULL on web1')).toBe(true)
    expect(safeRegexTest('disk full', false, 'DISK FULL on web1')).toBe(false)
  })

  it('only looks at the first 1024 characters', () => {
    expect(safeRegexTest('needle', false, `${'x'.repeat(MAX_MATCH_INPUT)}needle`)).toBe(false)
  })

  it('keeps the worst accepted shapes fast on a huge adversarial input', () => {
    const adversarial = 'a'.repeat(1_000_000)
    for (const pattern of ['^.*a.*b', 'a{1,16}b', 'a+b', '^a*a*b', '^a+a{1,16}b']) {
      expect(regexProblem(pattern)).toBeNull()
      const started = performance.now()
      expect(safeRegexTest(pattern, false, adversarial)).toBe(false)
      expect(performance.now() - started, pattern).toBeLessThan(250)
    }
  })
})

/**
 * Keeping user-written regular expressions from hanging the intake. JavaScript regexes cannot be
 * interrupted and RE2 is not a dependency, so we only accept shapes whose worst case is small:
 *
 * - star height at most 1: no repeated group that itself contains a repeat, such as `(a+)+` or
 *   `(x+x+)+y`, the classic exponential shape. This is the heuristic of the safe-regex package
 *   (substack/safe-regex, fastify/safe-regex2: "detect potentially catastrophic exponential-time
 *   regular expressions by limiting the star height to 1");
 * - no repeated group with alternatives: `(a|a)*b` has star height 1 yet took 22 s on 25
 *   characters here, so `(beep|boop)*`, which safe-regex accepts, is refused too;
 * - a bounded amount of backtracking. Each unbounded repeat (`*`, `+`, `{n,}`, or `{n,m}` with
 *   m > 16) can multiply the work by the input length, and an unanchored search adds one more
 *   factor; a bounded repeat `{n,m}` multiplies it by its m − n + 1 choices. The estimate
 *   (1024 ^ factors × choices) must stay under 2^20 steps: so at most one unbounded repeat, or
 *   two if the pattern starts with `^`. Measured on 1024 characters: `.*a.*b` 1.4 s,
 *   `.*a{1,16}b` 0.26 s (both refused), `^.*a.*b` 3 ms and `^a*a*b` 22 ms (accepted);
 * - at most 10 repeats in all, no backreferences (`\1`, `\k<name>`), at most 256 characters;
 * - the text tested is cut to 1024 characters (PagerDuty's `summary` limit).
 *
 * It has false positives (safe patterns refused); the error says how to rewrite them.
 */

export const MAX_PATTERN_LENGTH = 256
export const MAX_REPETITIONS = 10
export const MAX_MATCH_INPUT = 1024
const LARGEST_BOUNDED_REPEAT = 16
// log2 of the work allowed: 2^20 backtracking steps, a few tens of milliseconds.
const MAX_WORK_LOG2 = 20
const INPUT_LOG2 = Math.log2(MAX_MATCH_INPUT)

interface Frame {
  /** Highest star height inside the group so far. */
  height: number
  alternation: boolean
}

interface Atom {
  readonly height: number
  readonly alternation: boolean
}

interface Scan {
  readonly stack: Frame[]
  last: Atom | null
  repetitions: number
  /** log2 of the backtracking the repeats so far can cause. */
  workLog2: number
}

const QUANTIFIER = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/

function skipClass(pattern: string, start: number): number {
  let i = start + 1
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1
  return i + 1
}

function skipGroupPrefix(pattern: string, i: number): number {
  const prefix = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_][A-Za-z0-9_]*>)/.exec(pattern.slice(i))
  return i + (prefix === null ? 1 : prefix[0].length)
}

/** Returns log2 of how many ways a quantifier can split the input: the input length when unbounded. */
function choicesLog2(q: RegExpExecArray): number {
  if (q[0] === '*' || q[0] === '+') return INPUT_LOG2
  if (q[0] === '?' || q[2] === undefined) return q[0] === '?' ? 1 : 0
  const max = q[3] === undefined || q[3] === '' ? Number.POSITIVE_INFINITY : Number(q[3])
  return max > LARGEST_BOUNDED_REPEAT ? INPUT_LOG2 : Math.log2(max - Number(q[1]) + 1)
}

const repeats = (q: RegExpExecArray): boolean => q[0] !== '?' && !(q[2] === undefined && q[1] === '1')

/** Applies a quantifier to the last atom; returns a problem or null. */
function quantify(scan: Scan, q: RegExpExecArray): string | null {
  const atom = scan.last as Atom
  const frame = scan.stack[scan.stack.length - 1] as Frame
  if (atom.height >= 1) return 'nested repeats such as (a+)+ can take exponential time'
  if (atom.alternation && repeats(q)) return 'a repeated group of alternatives such as (a|b)* can take exponential time; repeat each alternative instead'
  if (++scan.repetitions > MAX_REPETITIONS) return `at most ${MAX_REPETITIONS} repeats`
  scan.workLog2 += choicesLog2(q)
  frame.height = Math.max(frame.height, 1)
  scan.last = null
  return null
}

/** Reads one non-quantifier token at i, updating the scan; returns the next index or a problem. */
function readToken(pattern: string, i: number, scan: Scan): number | string {
  const c = pattern[i] as string
  const frame = scan.stack[scan.stack.length - 1] as Frame
  if (c === '\\') {
    if (/^\\(?:[1-9]|k<)/.test(pattern.slice(i))) return 'backreferences are not allowed'
    scan.last = { height: 0, alternation: false }
    return i + 2
  }
  if (c === '[') {
    scan.last = { height: 0, alternation: false }
    return skipClass(pattern, i)
  }
  if (c === '(') {
    scan.stack.push({ height: 0, alternation: false })
    scan.last = null
    return skipGroupPrefix(pattern, i)
  }
  if (c === ')' && scan.stack.length > 1) {
    const closed = scan.stack.pop() as Frame
    const parent = scan.stack[scan.stack.length - 1] as Frame
    parent.height = Math.max(parent.height, closed.height)
    scan.last = { height: closed.height, alternation: closed.alternation }
    return i + 1
  }
  if (c === '|') frame.alternation = true
  scan.last = c === '|' ? null : { height: 0, alternation: false }
  return i + 1
}

/** Walks the pattern, returning why it could backtrack badly, or null. */
function backtrackingProblem(pattern: string): string | null {
  const scan: Scan = { stack: [{ height: 0, alternation: false }], last: null, repetitions: 0, workLog2: 0 }
  let i = 0
  while (i < pattern.length) {
    const q = scan.last === null ? null : QUANTIFIER.exec(pattern.slice(i))
    if (q !== null) {
      const problem = quantify(scan, q)
      if (problem !== null) return problem
      i += q[0].length + (pattern[i + q[0].length] === '?' ? 1 : 0) // lazy suffix
      continue
    }
    const next = readToken(pattern, i, scan)
    if (typeof next === 'string') return next
    i = next
  }
  // An unanchored search retries from every position: one more factor of the input length.
  const anchored = pattern.startsWith('^') && !(scan.stack[0] as Frame).alternation
  const work = scan.workLog2 + (anchored ? 0 : INPUT_LOG2)
  if (work > MAX_WORK_LOG2) {
    return 'could backtrack too long on a long text: use at most one unbounded repeat (*, +, {n,}), two if the pattern starts with ^, and small {n,m}'
  }
  return null
}

/**
 * Returns why `pattern` is not an acceptable rule regex (syntax error, too long, or a shape
 * that can backtrack catastrophically), or null if it is.
 */
export function regexProblem(pattern: string): string | null {
  if (pattern.length === 0) return 'must not be empty'
  if (pattern.length > MAX_PATTERN_LENGTH) return `at most ${MAX_PATTERN_LENGTH} characters`
  try {
    new RegExp(pattern)
  } catch (err) {
    return err instanceof Error ? err.message : 'invalid regular expression'
  }
  return backtrackingProblem(pattern)
}

const compiled = new Map<string, RegExp>()
const CACHE_LIMIT = 1000

/** Tests `text` (cut to MAX_MATCH_INPUT characters) against a pattern regexProblem accepted. */
export function safeRegexTest(pattern: string, ignoreCase: boolean, text: string): boolean {
  const key = `${ignoreCase ? 'i' : '-'}${pattern}`
  let regex = compiled.get(key)
  if (regex === undefined) {
    if (compiled.size >= CACHE_LIMIT) compiled.clear()
    regex = new RegExp(pattern, ignoreCase ? 'i' : '')
    compiled.set(key, regex)
  }
  return regex.test(text.slice(0, MAX_MATCH_INPUT))
}

/**
 * Text heuristics shared by the validators: normalizing free text and spotting placeholders
 * ("n/a", "tbd", "-") that people type to get past a required field.
 */

/** Lower-cases, collapses whitespace and trims trailing punctuation, for phrase matching. */
export function normalizePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!;:,]+$/, '')
    .trim()
}

const PLACEHOLDERS = new Set([
  '', 'n/a', 'na', 'n.a', 'n.a.', 'none', 'nothing', 'nil', 'null', 'tbd', 'tbc', 'todo', 'to do', 'to be done',
  '-', '--', '---', '?', '??', 'x', 'no', 'nope', 'not applicable', 'not needed', 'not required', 'no rollback',
  'no rollback needed', 'no rollback required', 'same as above', 'see above', 'see description', 'later', 'unknown',
  'idk', 'ok', 'yes', 'tba', 'wip',
])

/** Whether the text is empty, only punctuation or symbols, or a known placeholder. */
export function isPlaceholder(text: string): boolean {
  const phrase = normalizePhrase(text)
  return PLACEHOLDERS.has(phrase) || /^[\p{P}\p{S}\s]*$/u.test(phrase)
}

/** The words of a text (letters and digits runs, with inner dots, dashes and underscores kept). */
export function wordsOf(text: string): string[] {
  return normalizePhrase(text).match(/[\p{L}\p{N}][\p{L}\p{N}._\-/]*/gu) ?? []
}

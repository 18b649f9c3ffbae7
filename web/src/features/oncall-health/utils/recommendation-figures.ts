/** One figure of a recommendation, ready to show: "people in Europe/Berlin" → "3". */
export interface FigureItem {
  readonly label: string
  readonly value: string
}

// Recommendations whose `share` and `limit` are fractions of 1 (0.27 → 27%); elsewhere a limit is a count.
const SHARE_CODES = new Set(['on-call-share', 'pages-concentrated'])
const SHARES = new Set(['share', 'limit'])
// Figures that name a person by id: the message names them already.
const HIDDEN = new Set(['userId'])

/** "peopleNeeded" → "people needed"; "people:Europe/Berlin" → "people in Europe/Berlin". */
export function figureLabel(key: string): string {
  const [name = key, qualifier] = key.split(':', 2)
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([a-z])(\d)/g, '$1 $2').replace(/(\d+)h\b/g, '$1 h').toLowerCase()
  return qualifier === undefined ? words : `${words} in ${qualifier}`
}

/** A recommendation's figures as labelled values, in the API's order, shares as percentages. */
export function recommendationFigures(code: string, figures: Readonly<Record<string, number | string>>): readonly FigureItem[] {
  return Object.entries(figures)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => ({
      label: figureLabel(key),
      value: typeof value === 'number' && SHARE_CODES.has(code) && SHARES.has(key) ? `${Math.round(value * 100)}%` : String(value),
    }))
}

/** A citation split into text and links: "Google SRE book (https://…)" → the text, linked. */
export interface CitationPart {
  readonly text: string
  readonly url: string | null
}

/** Splits a source into its citations (";"), each with the URL it ends with, if any. */
export function citations(source: string): readonly CitationPart[] {
  return source
    .split(/;\s+/)
    .filter((s) => s.trim() !== '')
    .map((s) => {
      const m = /^(.*?)\s*\((https?:\/\/[^\s)]+)\)\s*$/.exec(s.trim())
      return m === null ? { text: s.trim(), url: null } : { text: m[1] ?? s, url: m[2] ?? null }
    })
}

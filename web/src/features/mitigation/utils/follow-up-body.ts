/** A follow-up's body taken apart for display: the lead, labelled facts, the action's output, the timeline link. */
export interface FollowUpBody {
  readonly lead: readonly string[]
  /** `Alert: …`, `Action: …` lines, in order. */
  readonly facts: readonly { readonly label: string; readonly value: string }[]
  readonly output: string | null
  readonly timelineUrl: string | null
}

const FACT = /^(Alert|Action|Service|Rule): (.*)$/

/**
 * Splits the text Tend files for a mitigation follow-up (lead, `Alert:`, `Action:`, `Output:` block,
 * `Timeline: <url>`). Text in any other shape comes back whole as the lead.
 * @example parseFollowUpBody('Why?\nAlert: OOM\nTimeline: https://t/alerts/1').timelineUrl // 'https://t/alerts/1'
 */
export function parseFollowUpBody(body: string): FollowUpBody {
  const lines = body.trimEnd().split('\n')
  // Tend writes the timeline link last, so output above it may say anything.
  const timeline = /^Timeline: (\S+)$/.exec(lines[lines.length - 1] ?? '')
  if (timeline !== null) lines.pop()
  const outputAt = lines.indexOf('Output:')
  const output = outputAt === -1 ? null : lines.slice(outputAt + 1).join('\n').trimEnd()
  const lead: string[] = []
  const facts: { label: string; value: string }[] = []
  for (const line of outputAt === -1 ? lines : lines.slice(0, outputAt)) {
    const fact = FACT.exec(line)
    if (fact !== null && fact[1] !== undefined && fact[2] !== undefined) facts.push({ label: fact[1], value: fact[2] })
    else lead.push(line)
  }
  return { lead, facts, output: output === '' ? null : output, timelineUrl: timeline?.[1] ?? null }
}

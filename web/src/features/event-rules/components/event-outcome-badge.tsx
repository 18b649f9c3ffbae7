const TONES: Readonly<Record<string, { readonly label: string; readonly className: string; readonly title: string }>> = {
  suppressed: { label: 'Suppressed', className: 'outcome--suppressed', title: 'A rule kept it quiet: the alert is stored, nobody was notified' },
  held: { label: 'Held', className: 'outcome--held', title: 'A rule holds the page until the condition is met' },
  paged: { label: 'Paged', className: 'outcome--paged', title: 'A rule let it page' },
  flapping: { label: 'Flapping', className: 'outcome--held', title: 'The source flaps: held, not paged again' },
  opened: { label: 'Opened', className: 'outcome--opened', title: 'Opened an alert' },
  deduplicated: { label: 'Deduplicated', className: '', title: 'Joined an open alert' },
  acknowledged: { label: 'Acknowledged', className: '', title: 'Acknowledged by its source' },
  resolved: { label: 'Resolved', className: 'outcome--resolved', title: 'Resolved by its source' },
  ignored: { label: 'Ignored', className: '', title: 'Nothing to do (no open alert, say)' },
}

/** What happened to an inbound event; suppressed and held ones stand out. */
export function EventOutcomeBadge({ outcome }: { readonly outcome: string }) {
  const tone = TONES[outcome] ?? { label: outcome, className: '', title: outcome }
  return <span className={`badge ${tone.className}`} title={tone.title}>{tone.label}</span>
}

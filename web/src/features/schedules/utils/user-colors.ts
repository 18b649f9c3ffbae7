// Light enough for dark text, ordered so that the first few are as far apart in hue as possible.
// No reds: red hatching means nobody is on call.
const PALETTE = ['#f5c048', '#74b9f0', '#8fd07a', '#f3a5cf', '#5fcfbf', '#c9a3ec', '#cfd65a', '#9aa5f2'] as const

/**
 * Gives each user a colour, in the order given, so the first eight people never share one or get
 * two similar ones. Pass the schedule's layer members first, in rotation order, then everyone else
 * sorted by id: a person's colour then depends only on the schedule's definition, so it stays the
 * same across weeks and reloads.
 * @example assignUserColors([...schedule.layers.flatMap((l) => l.members), ...otherIds.sort()])
 */
export function assignUserColors(userIds: readonly string[]): ReadonlyMap<string, string> {
  const colors = new Map<string, string>()
  for (const id of userIds) {
    if (!colors.has(id)) colors.set(id, PALETTE[colors.size % PALETTE.length] ?? PALETTE[0])
  }
  return colors
}

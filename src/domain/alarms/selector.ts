/**
 * Label selectors: which series an alarm watches. Exact matches only, like a Prometheus
 * selector restricted to `=`: every selector label must be present with the same value; labels
 * the selector does not mention are ignored, and an empty selector matches every series.
 */

/** Whether a series with `labels` is selected by `selector`. */
export function matchesSelector(labels: Readonly<Record<string, string>>, selector: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([name, value]) => Object.hasOwn(labels, name) && labels[name] === value)
}

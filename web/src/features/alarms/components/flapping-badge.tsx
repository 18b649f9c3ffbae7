/** Marks a flapping alarm; `long` spells out what Tend does about it. */
export function FlappingBadge({ percent, long = false }: { readonly percent: number; readonly long?: boolean }) {
  return (
    <span className="badge badge--flapping" title={`Weighted state change ${Math.round(percent)}% over the last 21 evaluations. Its one alert stays open across the flips and pages nobody again.`}>
      Flapping{long && <span className="badge--flapping__note">: pages once, not on every flip</span>}
    </span>
  )
}

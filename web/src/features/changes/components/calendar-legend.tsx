/** What each colour and mark on the change calendar means. */
export function CalendarLegend({ tailMinutes }: { readonly tailMinutes: number }) {
  const tail = tailMinutes % 60 === 0 ? `${tailMinutes / 60} h` : `${tailMinutes} min`
  return (
    <ul className="legend cal-legend" aria-label="Legend">
      <li className="legend__item"><span className="swatch cal-swatch--deployable" /> Deployable: a deploy may start</li>
      <li className="legend__item"><span className="swatch cal-swatch--tail" /> Support tail: in the window, but less than {tail} of staffed time would follow</li>
      <li className="legend__item"><span className="swatch cal-swatch--staffed" /> Staffed hours</li>
      <li className="legend__item"><span className="swatch cal-swatch--freeze" /> Freeze</li>
      <li className="legend__item"><span className="swatch cal-swatch--holiday" /> Holiday</li>
      <li className="legend__item"><span className="cal-legend__mark cal-marker--change">◆</span> Planned change</li>
      <li className="legend__item"><span className="cal-legend__mark cal-marker--deployment">▲</span> Deployment</li>
    </ul>
  )
}

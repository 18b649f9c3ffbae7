/** Marks demo data, which `tend demo remove` deletes. */
export function DemoBadge({ show }: { readonly show: boolean }) {
  if (!show) return null
  return (
    <span className="badge badge--demo" title="Demo data: remove it with `tend demo remove`">
      demo
    </span>
  )
}

import type { ContactMethod } from '../../../types/api'
import { ContactMethodItem } from './contact-method-item'

interface ContactMethodListProps {
  readonly methods: readonly ContactMethod[]
  readonly isSelf: boolean
  readonly onChanged: () => void
}

/** A person's contact methods, interrupting ones first. */
export function ContactMethodList({ methods, isSelf, onChanged }: ContactMethodListProps) {
  if (methods.length === 0) return <p className="empty">No contact methods yet: Tend has no way to reach this person.</p>
  const sorted = [...methods].sort((a, b) => Number(b.interrupting) - Number(a.interrupting) || a.label.localeCompare(b.label))
  return (
    <ul className="contact-methods" aria-label="Contact methods">
      {sorted.map((m) => (
        <ContactMethodItem key={m.id} method={m} isSelf={isSelf} onChanged={onChanged} />
      ))}
    </ul>
  )
}

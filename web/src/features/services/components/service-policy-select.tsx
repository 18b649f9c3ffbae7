import { useId, useState } from 'react'
import type { EscalationPolicy, Service } from '../../../types/api'
import { updateService } from '../api/update-service'

interface ServicePolicySelectProps {
  readonly service: Service
  /** The policies of the service's team. */
  readonly policies: readonly EscalationPolicy[]
  readonly onChanged: () => void
}

/** Picks which escalation policy pages for a service; saves at once and shows the API's refusal beside it. */
export function ServicePolicySelect({ service, policies, onChanged }: ServicePolicySelectProps) {
  const id = useId()
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)

  const change = async (value: string) => {
    setSaving(true)
    setError(undefined)
    try {
      await updateService(service.id, { escalationPolicyId: value === '' ? null : value })
      onChanged()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className={error === undefined ? 'field' : 'field field--invalid'}>
      <label className="visually-hidden" htmlFor={id}>Escalation policy for {service.name}</label>
      <select id={id} value={service.escalationPolicyId ?? ''} disabled={saving} aria-invalid={error !== undefined} onChange={(e) => void change(e.target.value)}>
        <option value="">None: whoever is on call for the team</option>
        {policies.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      {error !== undefined && <p className="field__error">{error}</p>}
    </div>
  )
}

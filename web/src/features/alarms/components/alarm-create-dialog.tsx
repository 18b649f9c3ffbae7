import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { Alarm, Service, Team } from '../../../types/api'
import { createAlarm } from '../api/create-alarm'
import { emptyAlarmDraft } from '../utils/alarm-draft'
import { AlarmForm } from './alarm-form'

interface AlarmCreateDialogProps {
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  /** Preselected service (the page's filter), or ''. */
  readonly serviceId: string
  readonly onCreated: (alarm: Alarm) => void
}

/** The "Create alarm" button and its dialog. */
export function AlarmCreateDialog({ services, teams, serviceId, onCreated }: AlarmCreateDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>Create alarm</button>
      <Dialog title="Create alarm" open={open} onClose={() => setOpen(false)} wide>
        <AlarmForm
          initial={emptyAlarmDraft(serviceId !== '' ? serviceId : services.length === 1 ? (services[0]?.id ?? '') : '')}
          services={services}
          teams={teams}
          editing={false}
          submitLabel="Create alarm"
          onCancel={() => setOpen(false)}
          onSubmit={async (id, input) => {
            const alarm = await createAlarm(id, input)
            setOpen(false)
            onCreated(alarm)
          }}
        />
      </Dialog>
    </>
  )
}

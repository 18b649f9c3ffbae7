import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { Alarm, Service, Team } from '../../../types/api'
import { updateAlarm } from '../api/update-alarm'
import { draftFromAlarm } from '../utils/alarm-draft'
import { AlarmForm } from './alarm-form'

interface AlarmEditDialogProps {
  readonly alarm: Alarm
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  readonly onSaved: () => void
}

/** The "Edit" button and dialog of one alarm; the engine re-evaluates it on save. */
export function AlarmEditDialog({ alarm, services, teams, onSaved }: AlarmEditDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        Edit<span className="visually-hidden"> {alarm.name}</span>
      </button>
      <Dialog title={`Edit ${alarm.name}`} open={open} onClose={() => setOpen(false)} wide>
        <AlarmForm
          initial={draftFromAlarm(alarm)}
          services={services}
          teams={teams}
          editing
          submitLabel="Save changes"
          onCancel={() => setOpen(false)}
          onSubmit={async (_serviceId, input) => {
            await updateAlarm(alarm.id, input)
            setOpen(false)
            onSaved()
          }}
        />
      </Dialog>
    </>
  )
}

import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Dialog } from '../../../components/dialog'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import { createAgent } from '../api/create-agent'
import { AgentTokenNotice } from './agent-token-notice'

interface AgentCreateDialogProps {
  readonly teamId: string
  readonly teamName: string
  /** Tend's address as the agent reaches it (for agent.yaml). */
  readonly server: string
  readonly onCreated: () => void
}

/** The "Register agent" button; its dialog asks for a name, then shows the token and agent.yaml once. */
export function AgentCreateDialog({ teamId, teamName, server, onCreated }: AgentCreateDialogProps) {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [created, setCreated] = useState<{ readonly name: string; readonly token: string }>()
  const { pending, fieldErrors, formError, submit } = useSubmit(['name'])

  const close = () => {
    setOpen(false)
    setCreated(undefined)
    setName('')
  }
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    await submit(async () => {
      const res = await createAgent(teamId, name.trim())
      setCreated({ name: res.agent.name, token: res.token })
      onCreated()
    }, name.trim() === '' ? { name: 'Enter a name, e.g. the host it runs on' } : {})
  }

  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        Register agent<span className="visually-hidden"> for {teamName}</span>
      </button>
      <Dialog title={created === undefined ? `Register an agent for ${teamName}` : `Agent ${created.name} registered`} open={open} onClose={close} wide={created !== undefined}>
        {created === undefined ? (
          <form className="form" onSubmit={onSubmit} noValidate>
            {formError !== undefined && <Alert>{formError}</Alert>}
            <Field label="Name" error={fieldErrors['name']} hint="Usually the host it runs on, e.g. api-host-1.">
              {(control) => <input {...control} type="text" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
            </Field>
            <div className="form__actions">
              <button type="button" className="button" onClick={close}>Cancel</button>
              <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Registering…' : 'Register agent'}</button>
            </div>
          </form>
        ) : (
          <>
            <AgentTokenNotice name={created.name} token={created.token} server={server} />
            <div className="form__actions">
              <button type="button" className="button button--primary" onClick={close}>I have copied it</button>
            </div>
          </>
        )}
      </Dialog>
    </>
  )
}

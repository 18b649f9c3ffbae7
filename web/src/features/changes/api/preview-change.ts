import { api } from '../../../lib/api-client'
import type { ChangePreview } from '../../../types/api'
import type { ChangeInput } from './create-change'

/** Checks a change as if it were submitted, without saving: errors, graded rollback steps, risk hint and live blast radius. */
export function previewChange(input: ChangeInput, signal?: AbortSignal): Promise<ChangePreview> {
  return api.post<ChangePreview>('/changes/preview', { ...input, mode: 'submit' }, signal ? { signal } : {})
}

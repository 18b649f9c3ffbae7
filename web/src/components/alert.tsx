import type { ReactNode } from 'react'

/**
 * A message the page must not miss (errors, gaps, people who cannot be woken); announced to screen
 * readers when it appears. Errors interrupt (`role="alert"`); warnings and notes are polite.
 */
export function Alert({ children, tone = 'error' }: { readonly children: ReactNode; readonly tone?: 'error' | 'warning' | 'info' }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  )
}

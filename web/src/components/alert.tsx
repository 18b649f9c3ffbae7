import type { ReactNode } from 'react'

/** A message the page must not miss (errors, gaps); announced to screen readers when it appears. */
export function Alert({ children, tone = 'error' }: { readonly children: ReactNode; readonly tone?: 'error' | 'info' }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  )
}

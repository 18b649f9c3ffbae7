import { useEffect } from 'react'

/** Sets the browser tab's title to "`title` · Tend". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Tend`
  }, [title])
}

import { citations } from '../utils/recommendation-figures'

/** A source as the API gives it, with each citation's URL as a link. */
export function CitationLinks({ source }: { readonly source: string }) {
  const parts = citations(source)
  return (
    <>
      {parts.map((c, i) => (
        <span key={i}>
          {i > 0 && '; '}
          {c.url === null ? c.text : <a href={c.url} target="_blank" rel="noreferrer">{c.text}</a>}
        </span>
      ))}
    </>
  )
}

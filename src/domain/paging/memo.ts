import type { PagingCtx } from './context.js'

/**
 * Reads that are the same for every alert fired in one transaction (a service, its team and
 * policy, a person's rules and methods), kept for that transaction only. In an alert storm the
 * engine fires many alerts of one service per transaction; without this each alert re-read them.
 * The outbox keeps one per batch of messages the same way.
 */
export type PagingMemo = Map<string, Promise<unknown>>

/** Returns `load()`'s result, once per key and memo; without a memo it just loads. */
export function memoized<T>(ctx: Pick<PagingCtx, 'memo'>, key: string, load: () => Promise<T>): Promise<T> {
  if (ctx.memo === undefined) return load()
  const hit = ctx.memo.get(key)
  if (hit !== undefined) return hit as Promise<T>
  const loading = load()
  ctx.memo.set(key, loading)
  return loading
}

import { CompiledQuery, type Compilable } from 'kysely'
import type { Db } from './db.js'
import { dialectOf } from './migrations/helpers.js'

/** Placeholders the builder sees on its first (compile-only) run; never sent to a database. */
const sentinel = (i: number): string => `\u0000tend-param-${i}\u0000`

interface Shape {
  readonly sql: string
  /** For each bound parameter: the index of the caller's argument, or a constant of the query. */
  readonly slots: readonly ({ readonly arg: number } | { readonly value: unknown })[]
}

/**
 * A query on the hot path, built and compiled by Kysely once per dialect and then run with new
 * arguments: building and compiling cost Kysely more CPU than SQLite spent running the small
 * lookups the engine makes for every alert (see bench/sql-profile.ts).
 *
 * The builder is called once with placeholders, so it must bind each argument as it is (no
 * arithmetic on them, no arrays of them): do the arithmetic before calling. Constants written
 * in the builder stay constants. A builder that hides an argument fails on its first use.
 */
export function preparedQuery<A extends readonly (string | number | null)[], R>(name: string, build: (db: Db, ...args: A) => Compilable<R>): (db: Db, ...args: A) => Promise<R[]> {
  const shapes = new Map<string, Shape>()
  const shapeFor = (db: Db, arity: number): Shape => {
    const dialect = dialectOf(db)
    const known = shapes.get(dialect)
    if (known !== undefined) return known
    const placeholders = Array.from({ length: arity }, (_, i) => sentinel(i)) as unknown as A
    const compiled = build(db, ...placeholders).compile()
    const slots = compiled.parameters.map((p) => {
      const arg = placeholders.indexOf(p as never)
      return arg >= 0 ? { arg } : { value: p }
    })
    for (let i = 0; i < arity; i++) {
      if (!slots.some((s) => 'arg' in s && s.arg === i)) throw new Error(`prepared query ${name}: argument ${i} is not bound as it is (computed on, or unused)`)
    }
    const shape = { sql: compiled.sql, slots }
    shapes.set(dialect, shape)
    return shape
  }
  return async (db, ...args) => {
    const shape = shapeFor(db, args.length)
    const parameters = shape.slots.map((s) => ('arg' in s ? args[s.arg] : s.value))
    const res = await db.executeQuery<R>(CompiledQuery.raw(shape.sql, parameters))
    return res.rows
  }
}

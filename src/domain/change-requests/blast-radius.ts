/**
 * The blast radius of a change: the services it touches (distance 0) and every service that
 * depends on them, directly (1) or transitively, each at its shortest distance.
 */
import { dependentsOf, type DependencyEdge } from '../services/index.js'

export interface BlastRadiusEntry {
  readonly serviceId: string
  /** 0 = touched by the change, 1 = depends on a touched service directly, and so on. */
  readonly distance: number
}

/**
 * Lists the touched services and their dependents, sorted by distance, then by id.
 * @example blastRadius([{ serviceId: 'web', dependsOnId: 'db' }], ['db']) // [{db, 0}, {web, 1}]
 */
export function blastRadius(edges: readonly DependencyEdge[], touched: readonly string[]): BlastRadiusEntry[] {
  const unique = [...new Set(touched)]
  const entries: BlastRadiusEntry[] = unique.map((serviceId) => ({ serviceId, distance: 0 }))
  for (const [serviceId, distance] of dependentsOf(edges, unique)) entries.push({ serviceId, distance })
  return entries.sort((a, b) => a.distance - b.distance || (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0))
}

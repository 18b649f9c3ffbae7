/**
 * The service dependency graph, pure. An edge `a → b` means service a depends on b, so when b
 * breaks, a may break: b's dependents are its blast radius.
 */
export interface DependencyEdge {
  readonly serviceId: string
  readonly dependsOnId: string
}

/**
 * Returns a cycle (as a list of service ids, first = last) that the edges would contain, or null.
 * Used before saving new edges, so the graph stays acyclic.
 */
export function findCycle(edges: readonly DependencyEdge[]): string[] | null {
  const out = adjacency(edges, 'forward')
  const state = new Map<string, 'visiting' | 'done'>()
  const path: string[] = []
  const visit = (node: string): string[] | null => {
    const s = state.get(node)
    if (s === 'done') return null
    if (s === 'visiting') return [...path.slice(path.indexOf(node)), node]
    state.set(node, 'visiting')
    path.push(node)
    for (const next of out.get(node) ?? []) {
      const cycle = visit(next)
      if (cycle !== null) return cycle
    }
    path.pop()
    state.set(node, 'done')
    return null
  }
  for (const node of out.keys()) {
    const cycle = visit(node)
    if (cycle !== null) return cycle
  }
  return null
}

/**
 * Every service that depends on `serviceId`, directly or transitively, with its distance
 * (1 = direct dependent). Breadth-first, so each service gets its shortest distance.
 */
export function dependentsOf(edges: readonly DependencyEdge[], serviceIds: readonly string[]): Map<string, number> {
  const incoming = adjacency(edges, 'reverse')
  const distance = new Map<string, number>()
  let frontier = [...serviceIds]
  let depth = 0
  const seen = new Set(serviceIds)
  while (frontier.length > 0) {
    depth += 1
    const next: string[] = []
    for (const node of frontier) {
      for (const dependent of incoming.get(node) ?? []) {
        if (seen.has(dependent)) continue
        seen.add(dependent)
        distance.set(dependent, depth)
        next.push(dependent)
      }
    }
    frontier = next
  }
  return distance
}

function adjacency(edges: readonly DependencyEdge[], direction: 'forward' | 'reverse'): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const e of edges) {
    const [from, to] = direction === 'forward' ? [e.serviceId, e.dependsOnId] : [e.dependsOnId, e.serviceId]
    const list = map.get(from)
    if (list === undefined) map.set(from, [to])
    else list.push(to)
    if (!map.has(to)) map.set(to, [])
  }
  return map
}

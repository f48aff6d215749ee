/**
 * Cycles in dependency graphs: formulas that use each other (SPEC §3) and derived fields
 * that use each other (§3.1) are config errors, reported with the path of the cycle.
 */

/**
 * Finds a cycle in a dependency graph (node → the nodes it references). Returns the cycle
 * as a path that ends where it starts (`['a','b','a']`; a self-reference is `['a','a']`),
 * or null. Names that are not keys are leaves. Deterministic: keys and edges in order.
 */
export function findCycle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  for (const root of graph.keys()) {
    if (done.has(root)) continue;
    // Iterative depth-first search; `path` is the current chain, `onPath` its positions.
    const path: string[] = [root];
    const edgeIndex: number[] = [0];
    const onPath = new Map<string, number>([[root, 0]]);
    while (path.length > 0) {
      const node = path[path.length - 1];
      const edges = graph.get(node) ?? [];
      const i = edgeIndex[edgeIndex.length - 1]++;
      if (i >= edges.length) {
        path.pop();
        edgeIndex.pop();
        onPath.delete(node);
        done.add(node);
        continue;
      }
      const target = edges[i];
      const at = onPath.get(target);
      if (at !== undefined) return [...path.slice(at), target];
      if (done.has(target)) continue;
      onPath.set(target, path.length);
      path.push(target);
      edgeIndex.push(0);
    }
  }
  return null;
}

// What a heap snapshot of the soak's `serve` child retains (SOAK_HEAP_SNAPSHOTS): the largest Maps by
// retained size (the usage log, the live page's journal, the response cache) with their entry counts
// and bytes per entry, and counters for leaks seen before (WeakRefs, per-object hidden classes).
import { readFileSync } from "node:fs";

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface HeapSummary {
  /** Everything reachable from the roots (the snapshot's own GC ran first). */
  heapMb: number;
  /** The three largest JS Maps by retained size. */
  maps: { mb: number; entries: number; bytesPerEntry: number }[];
  weakRefs: number;
  /** Hidden classes and their descriptor arrays: a few MB normally, far more when objects get one each. */
  hiddenClassMb: number;
}

/**
 * Retained sizes by the dominator tree (Cooper, Harvey and Kennedy's iterative algorithm over a
 * depth-first postorder; weak and shortcut edges ignored, as DevTools does).
 *
 * @example
 * summariseHeapSnapshot("/tmp/Heap.….heapsnapshot").maps[0]; // { mb: 78.7, entries: 10000, bytesPerEntry: 7866 }
 */
export function summariseHeapSnapshot(path: string): HeapSummary {
  const snap = JSON.parse(readFileSync(path, "utf8")) as RawSnapshot;
  const { node_fields: nf, edge_fields: ef, node_types, edge_types } = snap.snapshot.meta;
  const [N, E] = [nf.length, ef.length];
  const [nType, nName, nSize, nEdges] = ["type", "name", "self_size", "edge_count"].map((f) => nf.indexOf(f)) as [number, number, number, number];
  const [eType, eTo] = [ef.indexOf("type"), ef.indexOf("to_node")];
  const { nodes, edges, strings } = snap;
  const count = nodes.length / N;
  const skipped = new Set([edge_types[0].indexOf("weak"), edge_types[0].indexOf("shortcut")]);
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += (nodes[i * N + nEdges] as number) * E;
    firstEdge[i + 1] = e;
  }
  const forEachChild = (i: number, visit: (child: number) => void): void => {
    for (let e = firstEdge[i] as number; e < (firstEdge[i + 1] as number); e += E) if (!skipped.has(edges[e + eType] as number)) visit((edges[e + eTo] as number) / N);
  };
  // Postorder from the root (node 0), iteratively: the graph is far too deep for recursion.
  const order = new Int32Array(count).fill(-1);
  const postorder: number[] = [];
  const seen = new Uint8Array(count);
  const cursor = new Uint32Array(count);
  const stack = [0];
  seen[0] = 1;
  cursor[0] = firstEdge[0] as number;
  while (stack.length > 0) {
    const v = stack[stack.length - 1] as number;
    let descended = false;
    while ((cursor[v] as number) < (firstEdge[v + 1] as number)) {
      const e = cursor[v] as number;
      cursor[v] = e + E;
      if (skipped.has(edges[e + eType] as number)) continue;
      const w = (edges[e + eTo] as number) / N;
      if (seen[w]) continue;
      seen[w] = 1;
      cursor[w] = firstEdge[w] as number;
      stack.push(w);
      descended = true;
      break;
    }
    if (!descended) {
      stack.pop();
      order[v] = postorder.length;
      postorder.push(v);
    }
  }
  const predecessors: number[][] = Array.from({ length: count }, () => []);
  for (const v of postorder) forEachChild(v, (w) => predecessors[w]?.push(v));
  const idom = new Int32Array(count).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while ((order[a] as number) < (order[b] as number)) a = idom[a] as number;
      while ((order[b] as number) < (order[a] as number)) b = idom[b] as number;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = postorder.length - 2; k >= 0; k--) {
      const v = postorder[k] as number;
      let dom = -1;
      for (const u of predecessors[v] ?? []) if (idom[u] !== -1) dom = dom === -1 ? u : intersect(u, dom);
      if (dom !== -1 && idom[v] !== dom) {
        idom[v] = dom;
        changed = true;
      }
    }
  }
  const retained = new Float64Array(count);
  for (const v of postorder) {
    retained[v] = (retained[v] as number) + (nodes[v * N + nSize] as number);
    if (v !== 0) retained[idom[v] as number] = (retained[idom[v] as number] as number) + (retained[v] as number);
  }
  const name = (i: number): string => strings[nodes[i * N + nName] as number] ?? "";
  const isObject = (i: number): boolean => node_types[0][nodes[i * N + nType] as number] === "object";
  // A Map's entries live in one table array it dominates; each entry's value is an object that table dominates.
  const maps = postorder
    .filter((i) => isObject(i) && name(i) === "Map")
    .sort((a, b) => (retained[b] as number) - (retained[a] as number))
    .slice(0, 3)
    .map((map) => {
      let table = -1;
      forEachChild(map, (w) => {
        if (idom[w] === map && (table === -1 || (retained[w] as number) > (retained[table] as number))) table = w;
      });
      let entries = 0;
      if (table !== -1)
        forEachChild(table, (w) => {
          if (idom[w] === table && isObject(w)) entries++;
        });
      const bytes = retained[map] as number;
      return { mb: bytes / 1e6, entries, bytesPerEntry: entries === 0 ? 0 : Math.round(bytes / entries) };
    });
  let weakRefs = 0;
  let hiddenClassBytes = 0;
  for (const v of postorder) {
    const n = name(v);
    if (n === "WeakRef") weakRefs++;
    else if (n === "system / Map" || n === "system / DescriptorArray") hiddenClassBytes += nodes[v * N + nSize] as number;
  }
  return { heapMb: (retained[0] as number) / 1e6, maps, weakRefs, hiddenClassMb: hiddenClassBytes / 1e6 };
}

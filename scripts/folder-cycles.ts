import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Fails when the folders under src/ import each other in a cycle. A file-level check (import/no-cycle) misses the
 * layering this guards: two folders that each import a file of the other are one module in all but name.
 * Type-only imports count too — a cycle through types still means neither folder can be understood alone.
 */
const ROOT = join(__dirname, '..', 'src');
const SKIP = new Set(['console']); // the browser app: its own build, never imported by the server

function files(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIP.has(name) && dir === root ? [] : files(root, path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const folderOf = (root: string, path: string): string => {
  const parts = relative(root, path).split(sep);
  return parts.length === 1 ? '(root)' : (parts[0] ?? '(root)');
};

export interface FolderEdge {
  from: string;
  to: string;
  file: string;
  target: string;
}

export function folderEdges(root = ROOT): FolderEdge[] {
  const edges: FolderEdge[] = [];
  const pattern = /(?:from|import)\s*\(?\s*'src\/([^']+)'/g;
  for (const file of files(root)) {
    const from = folderOf(root, file);
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      const target = match[1] ?? '';
      const to = target.includes('/') ? (target.split('/')[0] ?? '(root)') : '(root)';
      if (to !== from) edges.push({ from, to, file: relative(join(root, '..'), file), target: `src/${target}` });
    }
  }
  return edges;
}

/** Tarjan's strongly connected components of size > 1: each is a set of folders that import each other. */
export function folderCycles(edges: FolderEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
    if (!next.has(e.to)) next.set(e.to, new Set());
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const at = (map: Map<string, number>, key: string): number => map.get(key) ?? Number.MAX_SAFE_INTEGER;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(at(low, v), at(low, w)));
      } else if (onStack.has(w)) low.set(v, Math.min(at(low, v), at(index, w)));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) result.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return result;
}

if (require.main === module) {
  const edges = folderEdges();
  const cycles = folderCycles(edges);
  if (cycles.length === 0) {
    console.log(`[folders] no import cycle between the ${new Set(edges.map((e) => e.from)).size} folders of src/`);
  } else {
    for (const cycle of cycles) {
      const members = new Set(cycle);
      console.error(`[folders] import cycle between: ${cycle.join(', ')}`);
      const seen = new Set<string>();
      for (const e of edges.filter((x) => members.has(x.from) && members.has(x.to))) {
        const key = `${e.from}->${e.to}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const count = edges.filter((x) => x.from === e.from && x.to === e.to).length;
        console.error(`  ${e.from} -> ${e.to} (${count} imports, e.g. ${e.file} imports ${e.target})`);
      }
    }
    console.error(
      '[folders] fix: move the shared piece into the folder that owns it, or into a lower folder both import',
    );
    process.exit(1);
  }
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { folderCycles, folderEdges, FolderEdge } from 'scripts/folder-cycles';

const edge = (from: string, to: string): FolderEdge => ({ from, to, file: `src/${from}/x.ts`, target: `src/${to}/y` });

describe('folder cycles', () => {
  it('finds folders that import each other, directly or round a loop, and nothing in a layered graph', () => {
    expect(folderCycles([edge('cases', 'sla'), edge('sla', 'cases'), edge('workflow', 'cases')])).toEqual([
      ['cases', 'sla'],
    ]);
    expect(folderCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([['a', 'b', 'c']]);
    expect(folderCycles([edge('workflow', 'sla'), edge('sla', 'cases'), edge('workflow', 'cases')])).toEqual([]);
  });

  it('reads imports between folders, type-only ones included, ignoring specs and imports within a folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'folders-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, 'src', path)), { recursive: true });
      writeFileSync(join(root, 'src', path), text);
    };
    try {
      write('cases/case.service.ts', "import { X } from 'src/cases/x';\nimport type { Y } from 'src/sla/y';\n");
      write('sla/y.ts', "export { Z } from 'src/common/util/z';\n");
      write('sla/y.spec.ts', "import { W } from 'src/workflow/w';\n");
      const edges = folderEdges(join(root, 'src'));
      expect(edges.map((e) => `${e.from}->${e.to}`).sort()).toEqual(['cases->sla', 'sla->common']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('finds none in src/', () => {
    expect(folderCycles(folderEdges())).toEqual([]);
  });
});

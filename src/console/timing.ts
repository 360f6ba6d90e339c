// Time from a navigation to its page showing its data, with the Performance API: the browser tests read these
// measures (`gd-ready:<page>`) and docs/performance.md reports them.
const START = 'gd-nav';

export function markNavigation(): void {
  performance.clearMarks(START);
  performance.mark(START);
}

export function markReady(page: string): void {
  if (performance.getEntriesByName(START, 'mark').length === 0) return;
  performance.measure(`gd-ready:${page}`, START);
}

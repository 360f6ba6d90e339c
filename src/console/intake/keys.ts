/** Alt+<letter>, by the key's place on the keyboard: Alt changes the character it types on some layouts. */
export function shortcut(event: KeyboardEvent, code: `Key${string}`): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && event.code === code;
}

/**
 * Whether an Enter is the operator's "log this call": from a single-line field, but not from a textarea, a
 * button (its own action), or a list being chosen from (a select, the date picker, a highlighted suggestion).
 */
export function enterSubmits(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLInputElement) || event.isComposing) return false;
  if (target.closest('.el-select, .el-date-editor') !== null) return false;
  const combo = target.closest('.el-autocomplete');
  if (combo?.getAttribute('aria-expanded') === 'true') {
    const list = document.getElementById(combo.getAttribute('aria-owns') ?? '');
    if (list?.querySelector('[aria-selected="true"]')) return false;
  }
  return true;
}

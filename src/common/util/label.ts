/** What people read for a code: Chinese first, English for the English pages. */
export interface Label {
  zh: string;
  en: string;
}

/** The Chinese names of a complete label table (exports and notifications are Chinese only). */
export function zhOf<K extends string>(labels: Record<K, Label>): Record<K, string> {
  return Object.fromEntries(Object.entries<Label>(labels).map(([key, label]) => [key, label.zh])) as Record<K, string>;
}

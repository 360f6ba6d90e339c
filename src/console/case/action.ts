/** One field of a panel's small form. */
export interface ActionField {
  name: string;
  label: string;
  kind: 'text' | 'long' | 'number' | 'choice';
  required?: boolean;
  options?: { value: string; label: string }[];
  hint?: string;
  maxlength?: number;
  min?: number;
  max?: number;
}

export type ActionBody = Record<string, string | number>;

/** A small form in a dialog (pause a clock, ask for more time, reveal a field…): what it asks and what it sends. */
export interface ActionSpec {
  title: string;
  /** `data-test` of the form; its fields are `<test>-<name>` unless named otherwise, the button `<test>-confirm`. */
  test: string;
  fields: ActionField[];
  initial?: ActionBody;
  /** Resolves when done (the dialog closes); a rejection is shown by the dialog and keeps what was typed. */
  submit: (body: ActionBody) => Promise<void>;
}

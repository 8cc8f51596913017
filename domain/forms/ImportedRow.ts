/** A row of an imported file of signatures, as read: its line, its values by column, how many it had. */
export interface ImportedRow {
  line: number;
  values: Record<string, string>;
  valueCount: number;
}

/** The columns an import file must have (Playable's export, and the same fields as the web forms). */
export const importColumns = ['first_name', 'last_name', 'email', 'phone', 'signed_at'] as const;

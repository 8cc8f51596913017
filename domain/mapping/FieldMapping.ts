/** How a form value is read before it is stored: the CRM column's type. */
export const fieldTypes = ['text', 'integer', 'decimal', 'boolean', 'date', 'phone', 'email'] as const;
export type FieldType = (typeof fieldTypes)[number];

/**
 * [CARE-Mapping] One rule of the mapping table staff maintain: the OF form field `sourceField`
 * (a custom field, e.g. "stilling") lands in the CRM column `target`, read as `type`. With `form`
 * (the form's contribution code) the rule applies to that form only; without, to every form.
 */
export interface FieldMapping {
  sourceField: string;
  target: string;
  type: FieldType;
  form?: string;
}

export interface FieldMappingTable {
  id: string;
  rules: FieldMapping[];
  /** Instant (UTC) of the last change, and who made it, as the admin API reports them. */
  updatedAt: string;
}

export type MappedValue = string | number | boolean;

/** A form value that a rule could not read as its type; the raw value stays in customFields. */
export interface FieldProblem {
  sourceField: string;
  target: string;
  reason: string;
}

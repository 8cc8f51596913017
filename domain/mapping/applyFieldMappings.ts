import type { FieldMapping, FieldProblem, MappedValue } from './FieldMapping.js';
import { formatFieldValue } from './formatFieldValue.js';

export interface MappedFields {
  mapped: Record<string, MappedValue>;
  problems: FieldProblem[];
}

/**
 * [CARE-Mapping] Applies the mapping table to a form's custom fields. A rule for the form itself
 * wins over a rule for every form. Fields without a rule are not touched (they stay in customFields).
 */
export function applyFieldMappings(customFields: Record<string, string>, form: string | undefined, rules: readonly FieldMapping[]): MappedFields {
  const mapped: Record<string, MappedValue> = {};
  const problems: FieldProblem[] = [];
  for (const [sourceField, raw] of Object.entries(customFields)) {
    const rule = ruleFor(sourceField, form, rules);
    if (!rule) continue;
    const formatted = formatFieldValue(raw, rule.type);
    if ('value' in formatted) mapped[rule.target] = formatted.value;
    else problems.push({ sourceField, target: rule.target, reason: formatted.problem });
  }
  return { mapped, problems };
}

function ruleFor(sourceField: string, form: string | undefined, rules: readonly FieldMapping[]): FieldMapping | undefined {
  const candidates = rules.filter((rule) => rule.sourceField === sourceField);
  return candidates.find((rule) => form !== undefined && rule.form === form) ?? candidates.find((rule) => rule.form === undefined);
}

import type { TaxMailAudience } from '../sending/ports.js';
import type { TaxMailValues } from '../sending/placeholders.js';
import type { TaxStatements, TaxYearRulesStore } from './ports.js';
import { taxStatementId } from './TaxStatement.js';
import { taxYearRulesId } from './TaxYearRules.js';

/**
 * [Skatteindberetning] The December mails' audience and amounts, from the year's statements: those
 * with something reported, with a CPR number (their amounts) or without (asked for it); each mail
 * tells the gifts and ongoing payments apart, what may be deducted and the year's limits.
 */
export function taxMailAudience(ports: { statements: TaxStatements; rules: TaxYearRulesStore }): TaxMailAudience {
  return {
    hasStatements: (year) => ports.statements.anyOf(year),
    personIds: (year, cpr, pageSize) => ports.statements.reportedPersonIds(year, cpr === 'known', pageSize),
    valuesFor: async (year, personId): Promise<TaxMailValues | null> => {
      const statement = (await ports.statements.get(taxStatementId(year, personId)))?.value;
      const rules = (await ports.rules.get(taxYearRulesId(year)))?.value;
      if (!statement || !rules) return null;
      return {
        tax_year: String(year),
        gifts_kr: danishKroner(statement.gifts.givenOre),
        gifts_deductible_kr: danishKroner(statement.gifts.deductibleOre),
        gifts_limit_kr: danishKroner(rules.gifts.deductionLimitOre),
        ongoing_kr: danishKroner(statement.ongoing.givenOre),
        ongoing_deductible_kr: danishKroner(statement.ongoing.deductibleOre),
        ongoing_limit_kr: danishKroner(rules.ongoing.deductionLimitOre),
      };
    },
  };
}

/** "18.000" for 1,800,000 øre, "1.250,50" for 125,050: Danish thousands points and decimal comma, øre only when there are some. */
export function danishKroner(ore: number): string {
  const whole = String(Math.trunc(Math.abs(ore) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = Math.abs(ore) % 100;
  return `${ore < 0 ? '-' : ''}${whole}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`}`;
}

/**
 * [OnlineFundraising7] What a template may say about its recipient. Anything else in `{{ }}` is
 * refused when the template is saved, so a typing error never reaches a supporter as an empty gap.
 */
export const placeholders = {
  first_name: 'the first name ("Hej {{ first_name }}")',
  last_name: 'the last name',
  full_name: 'first and last name',
  amount_kr: 'the SMS amount in kroner, e.g. "50"',
  landing_link: "a link to the template's landing page, pre-filled for the person (shortened in SMS)",
  preference_link: "the person's preference centre (change or stop mails)",
  tax_year: 'a tax mail: the income year, e.g. "2026" ([Skatteindberetning])',
  gifts_kr: 'a tax mail: the gifts (§ 8 A) of the year, refunds subtracted, e.g. "1.250"',
  gifts_deductible_kr: 'a tax mail: what of the gifts may be deducted (up to the limit)',
  gifts_limit_kr: "a tax mail: the year's deduction limit for gifts",
  ongoing_kr: 'a tax mail: the ongoing payments (§ 12) under a written agreement, refunds subtracted',
  ongoing_deductible_kr: 'a tax mail: what of the ongoing payments may be deducted (up to the limit)',
  ongoing_limit_kr: "a tax mail: the year's deduction limit for ongoing payments",
} as const;

export type Placeholder = keyof typeof placeholders;
export type PersonalisationValues = Record<Placeholder, string>;

/** The placeholders only a tax mail fills (in any other message they are empty). */
export const taxPlaceholders = ['tax_year', 'gifts_kr', 'gifts_deductible_kr', 'gifts_limit_kr', 'ongoing_kr', 'ongoing_deductible_kr', 'ongoing_limit_kr'] as const;
export type TaxMailValues = Record<(typeof taxPlaceholders)[number], string>;

export function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(placeholders, name);
}

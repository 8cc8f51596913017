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
} as const;

export type Placeholder = keyof typeof placeholders;
export type PersonalisationValues = Record<Placeholder, string>;

export function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(placeholders, name);
}

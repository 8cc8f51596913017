/** Drupal answered 2xx with a body the adapter does not understand (webform_rest changed, or a bug). */
export class DrupalFormatError extends Error {
  constructor(
    readonly what: string,
    readonly issues: string,
  ) {
    super(`Drupal sent a ${what} the engine cannot read: ${issues}`);
    this.name = 'DrupalFormatError';
  }
}

/** OF answered 2xx with a body the adapter does not understand (its API changed, or a bug). */
export class OnlineFundraisingFormatError extends Error {
  constructor(
    readonly what: string,
    readonly issues: string,
  ) {
    super(`OnlineFundraising sent a ${what} the engine cannot read: ${issues}`);
    this.name = 'OnlineFundraisingFormatError';
  }
}

/** Port: OF's anonymisation of a contact ([OnlineFundraising5]). */
export interface OnlineFundraisingAnonymisation {
  /** Has OF empty the contact's personal fields; asking again is harmless. Throws NotFoundError when OF does not know the contact. */
  anonymiseContact(ofContactId: string): Promise<void>;
}

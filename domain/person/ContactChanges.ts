/**
 * [OnlineFundraising12] Master data changed in one system, to be carried to the other. A field left
 * out is unchanged; `null` clears it.
 */
export interface ContactChanges {
  firstName?: string;
  lastName?: string;
  email?: string | null;
  secondaryEmail?: string | null;
  phone?: string | null;
  secondaryPhone?: string | null;
  /** The columns of the address that changed; the engine completes it from what it holds. */
  address?: Partial<PostalAddressChange> | null;
}

export interface PostalAddressChange {
  street: string;
  street2?: string;
  postalCode: string;
  city: string;
  countryCode: string;
}

/** What goes to a system that takes a whole address: all of it, or null. */
export interface WholeContactChanges extends Omit<ContactChanges, 'address'> {
  address?: PostalAddressChange | null;
}

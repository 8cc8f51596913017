import { z } from 'zod';
import type { ContactChanges } from '../../domain/person/ContactChanges.js';
import type { CrmContactChange } from '../../domain/person/applyCrmContactChange.js';
import type { RemoteExecutionContext } from './remoteExecutionContext.js';

const attribute = z.object({ key: z.string(), value: z.unknown() });
const entity = z.looseObject({ Id: z.string().min(1), LogicalName: z.string().min(1), Attributes: z.array(attribute) });

/** Dataverse contact column → master-data field the engine keeps in step (the inverse of personColumns). */
const textColumns: Record<string, keyof Omit<ContactChanges, 'address'>> = {
  firstname: 'firstName',
  lastname: 'lastName',
  emailaddress1: 'email',
  emailaddress2: 'secondaryEmail',
  mobilephone: 'phone',
  telephone2: 'secondaryPhone',
};
const addressColumns = { address1_line1: 'street', address1_line2: 'street2', address1_postalcode: 'postalCode', address1_city: 'city', address1_country: 'countryCode' } as const;

/**
 * [OnlineFundraising12] An Update of a contact, as the master-data changes it holds (columns the
 * engine does not keep in step are left out). Undefined when it is not a contact update or changes none.
 */
export function contactChangeOf(context: RemoteExecutionContext): CrmContactChange | undefined {
  if (context.MessageName !== 'Update' || context.PrimaryEntityName !== 'contact') return undefined;
  const target = entity.safeParse(context.InputParameters.find((parameter) => parameter.key === 'Target')?.value);
  if (!target.success) return undefined;
  const changes = changesOf(target.data.Attributes);
  if (Object.keys(changes).length === 0) return undefined;
  return { personId: target.data.Id.toLowerCase(), changedBy: (context.InitiatingUserId ?? context.UserId).toLowerCase(), changes };
}

function changesOf(attributes: { key: string; value: unknown }[]): ContactChanges {
  const changes: Record<string, unknown> = {};
  const address: Record<string, unknown> = {};
  for (const { key, value } of attributes) {
    const text = typeof value === 'string' ? value : null;
    const field = textColumns[key];
    if (field) changes[field] = field === 'firstName' || field === 'lastName' ? (text ?? '') : text;
    const addressField = addressColumns[key as keyof typeof addressColumns];
    if (addressField) address[addressField] = text ?? undefined;
  }
  if (Object.keys(address).length > 0) changes.address = address;
  return changes as ContactChanges;
}

/** The contact columns the engine keeps in step, to read a contact whose change Dataverse did not send. */
export const syncedContactColumns = [...Object.keys(textColumns), ...Object.keys(addressColumns)];

/** A contact row's synced columns as they are now, as master-data changes (all of them). */
export function contactChangesFromRow(row: Record<string, unknown>): ContactChanges {
  return changesOf(syncedContactColumns.map((key) => ({ key, value: row[key] ?? null })));
}

import type { z } from 'zod';
import type { MirroredEntity, OfSnapshot } from '../../domain/mirror/OnlineFundraisingRecords.js';
import type { OnlineFundraisingRecords } from '../../domain/mirror/ports.js';
import { formatIssues } from './formatIssues.js';
import type { OnlineFundraisingApiClient } from './OnlineFundraisingApiClient.js';
import { OnlineFundraisingFormatError } from './OnlineFundraisingFormatError.js';
import { addOnFromWire, agreementFromWire, dataSetFromWire, paymentFromWire, paymentMethodFromWire, subscriptionFromWire } from './recordsFromWire.js';
import {
  addOnWireSchema,
  agreementWireSchema,
  dataSetWireSchema,
  paymentMethodWireSchema,
  paymentWireSchema,
  subscriptionWireSchema,
} from './recordWireSchemas.js';
import { onlineFundraisingResourcePaths } from './resourcePaths.js';

type SnapshotOf<E extends MirroredEntity> = Extract<OfSnapshot, { entity: E }>;

/** Validates a body against an entity's wire schema and maps it; throws OnlineFundraisingFormatError when it does not fit. */
const readers: { [E in MirroredEntity]: (body: unknown) => SnapshotOf<E> } = {
  agreement: (body) => ({ entity: 'agreement', record: agreementFromWire(parse('agreement', agreementWireSchema, body)) }),
  subscription: (body) => ({ entity: 'subscription', record: subscriptionFromWire(parse('subscription', subscriptionWireSchema, body)) }),
  payment_method: (body) => ({ entity: 'payment_method', record: paymentMethodFromWire(parse('payment_method', paymentMethodWireSchema, body)) }),
  payment: (body) => ({ entity: 'payment', record: paymentFromWire(parse('payment', paymentWireSchema, body)) }),
  add_on: (body) => ({ entity: 'add_on', record: addOnFromWire(parse('add_on', addOnWireSchema, body)) }),
  data_set: (body) => ({ entity: 'data_set', record: dataSetFromWire(parse('data_set', dataSetWireSchema, body)) }),
};

/** Reads OF's non-contact entities from its API and hands the domain their `OfSnapshot`. */
export class OnlineFundraisingRecordReader implements OnlineFundraisingRecords {
  constructor(private readonly client: OnlineFundraisingApiClient) {}

  async get(entity: MirroredEntity, id: string): Promise<OfSnapshot | null> {
    const body = await this.client.getById(onlineFundraisingResourcePaths[entity], id);
    return body === null ? null : readers[entity](body);
  }
}

function parse<S extends z.ZodType>(entity: MirroredEntity, schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new OnlineFundraisingFormatError(entity, formatIssues(parsed.error.issues));
  return parsed.data;
}

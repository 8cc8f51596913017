import { canonicalJson } from '../shared/canonicalJson.js';
import type { MirrorRecord } from './MirrorRecord.js';

/** True when two versions of a record differ only in the engine's bookkeeping (instants, CRM state). */
export function sameMirrorData(a: MirrorRecord, b: MirrorRecord): boolean {
  const data = ({ createdAt: _created, updatedAt: _updated, crm: _crm, ...rest }: MirrorRecord) => rest;
  return canonicalJson(data(a)) === canonicalJson(data(b));
}

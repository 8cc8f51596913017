import { stringify } from 'csv-stringify/sync';
import type { SegmentMember } from '../../domain/dunning/SegmentMember.js';

/**
 * A group's members for Excel and the dialer's import: one row per person, the rules and dates
 * that put them in the group. Semicolon-separated, UTF-8 with a byte-order mark, as the posting
 * export. It carries the engine's person id, not names or numbers: the dialer export adds those.
 */
export function segmentMembersCsv(members: SegmentMember[]): string {
  const rows = members.map((member) => [
    member.personId,
    member.group,
    [...new Set(member.reasons.map((reason) => reason.agreementId))].join(' '),
    [...new Set(member.reasons.map((reason) => reason.rule))].join(' | '),
    member.reasons.map((reason) => Object.entries(reason.dates).map(([name, date]) => `${name}=${date}`).join(' ')).join(' | '),
    member.cancelledOn ?? '',
  ]);
  return `\uFEFF${stringify(rows, { header: true, columns: ['personId', 'group', 'agreementIds', 'rules', 'dates', 'cancelledOn'], delimiter: ';', record_delimiter: '\r\n' })}`;
}

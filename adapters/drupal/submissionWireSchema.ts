import { z } from 'zod';

/**
 * One webform submission as webform_rest answers `GET /webform_rest/<form>/submission/<sid>?_format=json`:
 * `entity` is the submission entity as Drupal's serializer normalises it (every base field a list of
 * `{ value }` or `{ target_id }` items), `data` the elements' values. Only what the engine uses is
 * checked; the other entity fields (serial, token, completed, in_draft, …) are ignored, so Drupal may
 * add some. See local/simulators/drupal/README.md.
 */

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** A plain element (text, select, checkbox) or a multi-value one (checkboxes). */
const elementValue = z.union([scalar, z.array(scalar)]);
/** A composite element (webform_name, webform_address) is an object of sub-element values. */
const fieldValue = z.union([elementValue, z.record(z.string(), elementValue)]);
/** PHP encodes an empty associative array as `[]`: a submission without data arrives so. */
const emptyListAsObject = (value: unknown) => (Array.isArray(value) && value.length === 0 ? {} : value);

const valueItem = <T extends z.ZodType>(value: T) => z.array(z.object({ value })).min(1);

export const submissionWireSchema = z.object({
  entity: z.object({
    /** An integer in Drupal; some sites normalise it as text. */
    sid: valueItem(z.union([z.string().min(1), z.number().int()])),
    webform_id: z.array(z.object({ target_id: z.string().min(1) })).min(1),
    /** RFC 3339 with the offset Drupal normalises timestamps in (UTC, "+00:00"). */
    created: valueItem(z.iso.datetime({ offset: true })),
  }),
  data: z.preprocess(emptyListAsObject, z.record(z.string(), fieldValue)),
});

export type SubmissionWire = z.output<typeof submissionWireSchema>;
export type FieldWireValue = z.output<typeof fieldValue>;

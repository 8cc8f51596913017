/**
 * [Rapportering1] Which municipality (kommune) each postcode lies in, as staff load it (e.g. from
 * DAWA's postcode list); a postcode that spans two municipalities gets the one most of it lies in.
 */
export interface PostcodeMunicipalities {
  id: typeof postcodeMunicipalitiesId;
  municipalityOfPostcode: Record<string, string>;
  updatedAt: string;
}

export const postcodeMunicipalitiesId = 'postcode-municipalities';

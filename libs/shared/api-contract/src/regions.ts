/** A pay and staffing region such as Moscow or Yekaterinburg, or a country for remote agents abroad. */
export interface Region {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string;
  /** IANA zone new agents of this region get by default. */
  defaultTimeZone: string;
  /** ISO 4217, upper case: the currency this region is paid in. */
  currency: string;
}

export interface CreateRegionRequest {
  name: string;
  countryCode: string;
  defaultTimeZone: string;
  currency: string;
}

export type UpdateRegionRequest = Partial<CreateRegionRequest>;

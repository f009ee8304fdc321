import { ApiProperty } from '@nestjs/swagger';
import type { CreateRegionRequest } from '@shiftdesk/shared-api-contract';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { IsIanaTimeZone, Trim } from '../../../common/validators';

// Country and currency codes are checked for shape only: the lists change, and a typo shows
// up at once in every screen that displays the region.
export const COUNTRY = /^[A-Z]{2}$/;
export const CURRENCY = /^[A-Z]{3}$/;
export const COUNTRY_MESSAGE = 'must be an ISO 3166-1 alpha-2 code such as RU (two letters)';
export const CURRENCY_MESSAGE = 'must be an ISO 4217 code such as RUB or EUR (three letters)';
/** Codes are stored upper-case; `ru` is accepted as `RU`. */
export const UpperCode = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

export class CreateRegionDto implements CreateRegionRequest {
  @ApiProperty({ example: 'Yekaterinburg' })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(2, 120, { message: 'must be 2 to 120 characters long' })
  name!: string;

  @ApiProperty({ example: 'RU', description: 'ISO 3166-1 alpha-2' })
  @UpperCode()
  @IsString({ message: COUNTRY_MESSAGE })
  @Matches(COUNTRY, { message: COUNTRY_MESSAGE })
  countryCode!: string;

  @ApiProperty({ example: 'Asia/Yekaterinburg' })
  @IsIanaTimeZone()
  defaultTimeZone!: string;

  @ApiProperty({ example: 'RUB', description: 'ISO 4217' })
  @UpperCode()
  @IsString({ message: CURRENCY_MESSAGE })
  @Matches(CURRENCY, { message: CURRENCY_MESSAGE })
  currency!: string;
}

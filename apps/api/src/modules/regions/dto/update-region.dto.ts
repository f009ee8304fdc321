import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateRegionRequest } from '@shiftdesk/shared-api-contract';
import { IsString, Length, Matches } from 'class-validator';
import { IsIanaTimeZone, IsPresentThenValid, Trim } from '../../../common/validators';
import { COUNTRY, COUNTRY_MESSAGE, CURRENCY, CURRENCY_MESSAGE, UpperCode } from './create-region.dto';

export class UpdateRegionDto implements UpdateRegionRequest {
  @ApiPropertyOptional()
  @IsPresentThenValid()
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(2, 120, { message: 'must be 2 to 120 characters long' })
  name?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @UpperCode()
  @IsString({ message: COUNTRY_MESSAGE })
  @Matches(COUNTRY, { message: COUNTRY_MESSAGE })
  countryCode?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @IsIanaTimeZone()
  defaultTimeZone?: string;

  @ApiPropertyOptional()
  @IsPresentThenValid()
  @UpperCode()
  @IsString({ message: CURRENCY_MESSAGE })
  @Matches(CURRENCY, { message: CURRENCY_MESSAGE })
  currency?: string;
}

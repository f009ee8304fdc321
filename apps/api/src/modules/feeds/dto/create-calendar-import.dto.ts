import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateCalendarImportRequest } from '@shiftdesk/shared-api-contract';
import { IsString, MaxLength } from 'class-validator';
import { IsPresentThenValid, Trim } from '../../../common/validators';

/**
 * Upper bound of an uploaded .ics text. The JSON body limit of the app (Express default 100 kB,
 * tightened or raised app-wide by the hardening issue) applies first: larger calendars go by URL.
 */
export const MAX_ICS_CHARS = 5 * 1024 * 1024;

export class CreateCalendarImportDto implements CreateCalendarImportRequest {
  @ApiPropertyOptional({ example: 'https://calendar.example.com/private/abc/basic.ics', description: 'http(s) or webcal address of an iCal file' })
  @IsPresentThenValid()
  @Trim()
  @IsString({ message: 'must be the http(s) address of an iCal file' })
  @MaxLength(2048, { message: 'must be at most 2048 characters long' })
  url?: string;

  @ApiPropertyOptional({ description: 'The text of an .ics file, when there is no URL' })
  @IsPresentThenValid()
  @IsString({ message: 'must be the text of an .ics file' })
  @MaxLength(MAX_ICS_CHARS, { message: `must be at most ${MAX_ICS_CHARS} characters long` })
  ics?: string;

  @ApiPropertyOptional({ maxLength: 120, example: 'Personal calendar' })
  @IsPresentThenValid()
  @Trim()
  @IsString({ message: 'must be text' })
  @MaxLength(120, { message: 'must be at most 120 characters long' })
  label?: string;
}

export class RefreshCalendarImportDto {
  @ApiPropertyOptional({ description: 'A new .ics text for an uploaded import; URL imports are fetched again' })
  @IsPresentThenValid()
  @IsString({ message: 'must be the text of an .ics file' })
  @MaxLength(MAX_ICS_CHARS, { message: `must be at most ${MAX_ICS_CHARS} characters long` })
  ics?: string;
}

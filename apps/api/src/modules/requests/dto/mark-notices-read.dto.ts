import { ApiPropertyOptional } from '@nestjs/swagger';
import type { MarkNoticesReadBody } from '@shiftdesk/shared-api-contract';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { IsPresentThenValid } from '../../../common/validators';

export class MarkNoticesReadDto implements MarkNoticesReadBody {
  @ApiPropertyOptional({ type: [String], description: 'Leave out to mark all of yours read' })
  @IsPresentThenValid()
  @IsArray({ message: 'must be a list of notice ids' })
  @ArrayMaxSize(500, { message: 'may list at most 500 notices' })
  @IsString({ each: true, message: 'must be a list of notice ids' })
  @MaxLength(36, { each: true, message: 'must be a list of notice ids' })
  ids?: string[];
}

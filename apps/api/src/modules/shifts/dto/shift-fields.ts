import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, SHIFT_LABEL_MAX_LENGTH, SHIFT_STATUSES, type Channel, type ShiftBreakSpan, type ShiftStatus } from '@shiftdesk/shared-api-contract';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn } from 'class-validator';
import { EachNested, IsPresentThenValid, OptionalChannelField, OptionalLabelField } from '../../../common/validators';
import { IsInstant } from '../../schedule/schedule-validators';

export class ShiftBreakDto implements ShiftBreakSpan {
  @ApiProperty({ example: '2026-01-05T12:00:00Z' })
  @IsInstant()
  start!: string;

  @ApiProperty({ example: '2026-01-05T12:30:00Z' })
  @IsInstant()
  end!: string;
}

/** What a shift carries besides who and when: the same optional fields on create and on PATCH. */
export class ShiftDetailsDto {
  @ApiPropertyOptional({ enum: CHANNELS, nullable: true })
  @OptionalChannelField()
  channel?: Channel | null;

  @ApiPropertyOptional({ nullable: true, maxLength: SHIFT_LABEL_MAX_LENGTH })
  @OptionalLabelField()
  label?: string | null;

  @ApiPropertyOptional({ type: [ShiftBreakDto] })
  @IsPresentThenValid()
  @IsArray({ message: 'must be a list of breaks [{ "start": …, "end": … }]' })
  @ArrayMaxSize(10, { message: 'may list at most 10 breaks' })
  @EachNested(() => ShiftBreakDto, 'each break must be an object { "start": …, "end": … }')
  breaks?: ShiftBreakDto[];

  @ApiPropertyOptional({ enum: SHIFT_STATUSES, description: 'published when a new shift leaves it out; unchanged when a PATCH does' })
  @IsPresentThenValid()
  @IsIn(SHIFT_STATUSES, { message: `must be one of ${SHIFT_STATUSES.join(', ')}` })
  status?: ShiftStatus;

  @ApiPropertyOptional({ description: 'Pinned: the roster generator keeps it and never replaces it' })
  @IsPresentThenValid()
  @IsBoolean({ message: 'must be true or false' })
  locked?: boolean;
}

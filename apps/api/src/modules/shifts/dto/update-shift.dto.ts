import { ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, SHIFT_STATUSES, type Channel, type ShiftStatus, type UpdateShiftRequest } from '@shiftdesk/shared-api-contract';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn } from 'class-validator';
import { EachNested, IsPresentThenValid, OptionalChannelField, OptionalLabelField } from '../../../common/validators';
import { AgentSpanPatchDto } from '../../schedule/dto/agent-span-patch.dto';
import { ShiftBreakDto } from './shift-fields';

/** Every field optional; the merged shift is validated as a whole (end after start, breaks inside, no overlap). */
export class UpdateShiftDto extends AgentSpanPatchDto implements UpdateShiftRequest {
  @ApiPropertyOptional({ enum: CHANNELS, nullable: true })
  @OptionalChannelField()
  channel?: Channel | null;

  @ApiPropertyOptional({ nullable: true })
  @OptionalLabelField()
  label?: string | null;

  @ApiPropertyOptional({ type: [ShiftBreakDto] })
  @IsPresentThenValid()
  @IsArray({ message: 'must be a list of breaks [{ "start": …, "end": … }]' })
  @ArrayMaxSize(10, { message: 'may list at most 10 breaks' })
  @EachNested(() => ShiftBreakDto, 'each break must be an object { "start": …, "end": … }')
  breaks?: ShiftBreakDto[];

  @ApiPropertyOptional({ enum: SHIFT_STATUSES })
  @IsPresentThenValid()
  @IsIn(SHIFT_STATUSES, { message: `must be one of ${SHIFT_STATUSES.join(', ')}` })
  status?: ShiftStatus;

  @ApiPropertyOptional({ description: 'Pinned: the roster generator keeps it and never replaces it' })
  @IsPresentThenValid()
  @IsBoolean({ message: 'must be true or false' })
  locked?: boolean;
}

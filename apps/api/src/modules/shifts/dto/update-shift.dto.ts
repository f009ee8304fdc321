import { IntersectionType } from '@nestjs/swagger';
import type { UpdateShiftRequest } from '@shiftdesk/shared-api-contract';
import { AgentSpanPatchDto } from '../../schedule/dto/agent-span-patch.dto';
import { ShiftDetailsDto } from './shift-fields';

/** Every field optional; the merged shift is validated as a whole (end after start, breaks inside, no overlap). */
export class UpdateShiftDto extends IntersectionType(AgentSpanPatchDto, ShiftDetailsDto) implements UpdateShiftRequest {}

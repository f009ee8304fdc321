import type { MyShiftsQuery } from '@shiftdesk/shared-api-contract';
import { WindowQueryDto } from '../../schedule/dto/window-query.dto';

export class MyShiftsQueryDto extends WindowQueryDto implements MyShiftsQuery {}

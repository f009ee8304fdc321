import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MyShiftsResponse, NoticesResponse } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { MarkNoticesReadDto } from './dto/mark-notices-read.dto';
import { MyShiftsQueryDto } from './dto/my-shifts-query.dto';
import { MyShiftsService } from './my-shifts.service';
import { NoticesService } from './notices.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeRequestsController {
  constructor(
    private readonly myShiftsService: MyShiftsService,
    private readonly notices: NoticesService,
  ) {}

  /** My final published shifts (default: two weeks back to eight ahead) and this week's and month's hours. */
  @Roles('agent')
  @Get('shifts')
  myShifts(@AuthUser() user: AuthenticatedUser, @Query() query: MyShiftsQueryDto): Promise<MyShiftsResponse> {
    return this.myShiftsService.myShifts(user, query);
  }

  /** My newest notices and the unread count (agents and managers). */
  @Get('notices')
  list(@AuthUser() user: AuthenticatedUser): Promise<NoticesResponse> {
    return this.notices.list(user);
  }

  @Post('notices/read')
  @HttpCode(200)
  markRead(@AuthUser() user: AuthenticatedUser, @Body() body: MarkNoticesReadDto): Promise<NoticesResponse> {
    return this.notices.markRead(user, body.ids);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RequestImpact, ShiftRequestDetail, ShiftRequestsResponse } from '@shiftdesk/shared-api-contract';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { CreateShiftRequestDto } from './dto/create-shift-request.dto';
import { ListShiftRequestsDto } from './dto/list-shift-requests.dto';
import { RequestDecisionDto } from './dto/request-decision.dto';
import { RequestsService } from './requests.service';

/**
 * Swap, give-away and time-off requests. Agents file and answer their own; managers see their
 * teams' requests, file on an agent's behalf, approve, decline and undo. Every answer carries the
 * caller's allowed `actions`; a detail carries the impact, computed fresh.
 */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Get()
  list(@AuthUser() user: AuthenticatedUser, @Query() query: ListShiftRequestsDto): Promise<ShiftRequestsResponse> {
    return this.requests.list(user, query);
  }

  /** What a request would do, without filing it. */
  @Post('impact')
  @HttpCode(200)
  impact(@AuthUser() user: AuthenticatedUser, @Body() body: CreateShiftRequestDto): Promise<RequestImpact> {
    return this.requests.preview(user, body);
  }

  @Post()
  create(@AuthUser() user: AuthenticatedUser, @Body() body: CreateShiftRequestDto): Promise<ShiftRequestDetail> {
    return this.requests.create(user, body);
  }

  @Get(':id')
  detail(@AuthUser() user: AuthenticatedUser, @Param('id') id: string): Promise<ShiftRequestDetail> {
    return this.requests.detail(user, id);
  }

  /** The named colleague agrees (swap, named give-away). */
  @Post(':id/accept')
  @HttpCode(200)
  accept(@AuthUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: RequestDecisionDto): Promise<ShiftRequestDetail> {
    return this.requests.act(user, id, 'accept', body);
  }

  /** An agent takes an offered shift: the first valid taker wins, later ones get 409. */
  @Post(':id/take')
  @HttpCode(200)
  take(@AuthUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: RequestDecisionDto): Promise<ShiftRequestDetail> {
    return this.requests.act(user, id, 'take', body);
  }

  @Post(':id/decline')
  @HttpCode(200)
  decline(@AuthUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: RequestDecisionDto): Promise<ShiftRequestDetail> {
    return this.requests.act(user, id, 'decline', body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@AuthUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: RequestDecisionDto): Promise<ShiftRequestDetail> {
    return this.requests.act(user, id, 'cancel', body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@AuthUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: RequestDecisionDto): Promise<ShiftRequestDetail> {
    return this.requests.act(user, id, 'approve', body);
  }

  /** Puts the schedule back as it was before an approved request; the request becomes `undone`. */
  @Post(':id/undo')
  @HttpCode(200)
  undo(@AuthUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: RequestDecisionDto): Promise<ShiftRequestDetail> {
    return this.requests.act(user, id, 'undo', body);
  }
}

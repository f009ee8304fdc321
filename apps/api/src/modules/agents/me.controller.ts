import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MyProfile } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { AgentsService } from './agents.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly agents: AgentsService) {}

  /** The signed-in agent's own full record. */
  @Roles('agent')
  @Get('profile')
  profile(@AuthUser() user: AuthenticatedUser): Promise<MyProfile> {
    return this.agents.profile(user);
  }
}

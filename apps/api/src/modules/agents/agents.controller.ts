import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Agent, AgentSummary, DeleteAgentResponse, ImportAgentsResponse, Page } from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { AgentsService } from './agents.service';
import { CreateAgentDto } from './dto/create-agent.dto';
import { ImportAgentsDto } from './dto/import-agents.dto';
import { ListAgentsDto } from './dto/list-agents.dto';
import { SetAgentPasswordDto } from './dto/set-agent-password.dto';
import { UpdateAgentDto } from './dto/update-agent.dto';

@ApiTags('agents')
@ApiBearerAuth()
@Controller('agents')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  /** Managers get full records; agents get colleagues as summaries (no email, contract, region). */
  @Get()
  list(@AuthUser() user: AuthenticatedUser, @Query() query: ListAgentsDto): Promise<Page<Agent | AgentSummary>> {
    return this.agents.list(user, query);
  }

  /** Agents of one team from a CSV, all or none; `dryRun` only checks and answers. */
  @Roles('manager')
  @Post('import')
  @HttpCode(200)
  importCsv(@AuthUser() user: AuthenticatedUser, @Body() body: ImportAgentsDto): Promise<ImportAgentsResponse> {
    return this.agents.importCsv(user, body);
  }

  @Get(':id')
  get(@AuthUser() user: AuthenticatedUser, @Param('id') id: string): Promise<Agent | AgentSummary> {
    return this.agents.get(user, id);
  }

  @Roles('manager')
  @Post()
  create(@AuthUser() user: AuthenticatedUser, @Body() body: CreateAgentDto): Promise<Agent> {
    return this.agents.create(user, body);
  }

  @Roles('manager')
  @Patch(':id')
  update(@AuthUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: UpdateAgentDto): Promise<Agent> {
    return this.agents.update(user, id, body);
  }

  /** Gives the agent a login with this password, or resets it; 200 with the agent (`hasLogin`). */
  @Roles('manager')
  @Put(':id/password')
  setPassword(@AuthUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: SetAgentPasswordDto): Promise<Agent> {
    return this.agents.setPassword(user, id, body);
  }

  /** 200 with `{ outcome }`: agents with shifts are archived, the others deleted. */
  @Roles('manager')
  @Delete(':id')
  remove(@AuthUser() user: AuthenticatedUser, @Param('id') id: string): Promise<DeleteAgentResponse> {
    return this.agents.remove(user, id);
  }
}

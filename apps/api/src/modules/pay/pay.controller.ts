import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  AgentPay,
  AuditEntry,
  Band,
  BandReport,
  CostReport,
  ExchangeRate,
  MinimumWage,
  PaySettings,
  Salary,
  UpdateBandResponse,
  WhatIfReport,
} from '@shiftdesk/shared-api-contract';
import { Roles } from '../auth/auth.constants';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import {
  CostQueryDto,
  CreateBandDto,
  CreateExchangeRateDto,
  CreateMinimumWageDto,
  CreateSalaryDto,
  DateQueryDto,
  SetAgentLevelDto,
  UpdateBandDto,
  UpdatePaySettingsDto,
  WhatIfQueryDto,
} from './dto/pay.dto';
import { bandReportCsv, costReportCsv } from './pay-csv';
import { PayService } from './pay.service';

/**
 * Pay of one team: CONFIDENTIAL. Managers of the team only; agents get 403 from the role guard,
 * managers of other teams 403 from the service.
 */
@ApiTags('pay')
@ApiBearerAuth()
@Roles('manager')
@Controller('teams/:teamId/pay')
export class PayController {
  constructor(private readonly pay: PayService) {}

  /** Bands in force on `date` with the agents inside them, every agent's flags, and bands under the minimum wage. */
  @Get('bands')
  bandReport(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: DateQueryDto): Promise<BandReport> {
    return this.pay.bandReport(user, teamId, query.date);
  }

  @Get('bands.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="band-report.csv"')
  @Header('Cache-Control', 'no-store')
  async bandReportCsv(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: DateQueryDto): Promise<string> {
    return bandReportCsv(await this.pay.bandReport(user, teamId, query.date));
  }

  /** Every version of every band. */
  @Get('bands/versions')
  versions(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string): Promise<Band[]> {
    return this.pay.listBands(user, teamId);
  }

  @Post('bands')
  createBand(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Body() body: CreateBandDto): Promise<Band> {
    return this.pay.createBand(user, teamId, body);
  }

  /** A change from `effectiveFrom`: a band already in force gets a new version, the past never changes. */
  @Patch('bands/:bandId')
  updateBand(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('bandId') bandId: string, @Body() body: UpdateBandDto): Promise<UpdateBandResponse> {
    return this.pay.updateBand(user, teamId, bandId, body);
  }

  @Get('agents/:agentId')
  agentPay(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('agentId') agentId: string, @Query() query: DateQueryDto): Promise<AgentPay> {
    return this.pay.agentPay(user, teamId, agentId, query.date);
  }

  @Put('agents/:agentId/level')
  setLevel(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('agentId') agentId: string, @Body() body: SetAgentLevelDto): Promise<AgentPay> {
    return this.pay.setLevel(user, teamId, agentId, body);
  }

  @Post('agents/:agentId/salaries')
  addSalary(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Param('agentId') agentId: string, @Body() body: CreateSalaryDto): Promise<Salary> {
    return this.pay.addSalary(user, teamId, agentId, body);
  }

  @Get('settings')
  settings(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string): Promise<PaySettings> {
    return this.pay.settings(user, teamId);
  }

  @Patch('settings')
  updateSettings(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Body() body: UpdatePaySettingsDto): Promise<PaySettings> {
    return this.pay.updateSettings(user, teamId, body);
  }

  /** What the final schedule costs over local dates [from, to] in the team's zone. */
  @Get('cost')
  cost(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: CostQueryDto): Promise<CostReport> {
    return this.pay.costReport(user, teamId, query);
  }

  @Get('cost.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="cost-report.csv"')
  @Header('Cache-Control', 'no-store')
  async costCsv(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: CostQueryDto): Promise<string> {
    return costReportCsv(await this.pay.costReport(user, teamId, query));
  }

  /** 12 h / 14 h / 16 h / 18 h / 24/7 side by side: an ESTIMATE from the staffing maths. */
  @Get('what-if')
  whatIf(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string, @Query() query: WhatIfQueryDto): Promise<WhatIfReport> {
    return this.pay.whatIf(user, teamId, query);
  }

  /** Band, salary and level changes, newest first. */
  @Get('audit')
  audit(@AuthUser() user: AuthenticatedUser, @Param('teamId') teamId: string): Promise<AuditEntry[]> {
    return this.pay.auditTrail(user, teamId);
  }
}

/**
 * Tables every manager keeps together: exchange rates and statutory minimum wages are public
 * figures, not a team's pay, so any manager reads and adds them; agents get 403.
 */
@ApiTags('pay')
@ApiBearerAuth()
@Roles('manager')
@Controller('pay')
export class PayTablesController {
  constructor(private readonly pay: PayService) {}

  @Get('exchange-rates')
  rates(): Promise<ExchangeRate[]> {
    return this.pay.listRates();
  }

  @Post('exchange-rates')
  @HttpCode(201)
  createRate(@AuthUser() user: AuthenticatedUser, @Body() body: CreateExchangeRateDto): Promise<ExchangeRate> {
    return this.pay.createRate(user, body);
  }

  @Get('minimum-wages')
  minimumWages(): Promise<MinimumWage[]> {
    return this.pay.listMinimumWages();
  }

  @Post('minimum-wages')
  @HttpCode(201)
  createMinimumWage(@AuthUser() user: AuthenticatedUser, @Body() body: CreateMinimumWageDto): Promise<MinimumWage> {
    return this.pay.createMinimumWage(user, body);
  }
}

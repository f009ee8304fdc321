import { Module } from '@nestjs/common';
import { TeamManagersController } from './team-managers.controller';
import { TeamManagersService } from './team-managers.service';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

@Module({ controllers: [TeamsController, TeamManagersController], providers: [TeamsService, TeamManagersService], exports: [TeamsService] })
export class TeamsModule {}

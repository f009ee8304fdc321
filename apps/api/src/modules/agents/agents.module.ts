import { Module } from '@nestjs/common';
import { AgentsController } from './agents.controller';
import { AgentsService } from './agents.service';
import { MeController } from './me.controller';

@Module({ controllers: [AgentsController, MeController], providers: [AgentsService], exports: [AgentsService] })
export class AgentsModule {}

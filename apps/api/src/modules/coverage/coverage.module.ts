import { Module } from '@nestjs/common';
import { CoverageRulesController } from './coverage-rules.controller';
import { CoverageRulesService } from './coverage-rules.service';

@Module({ controllers: [CoverageRulesController], providers: [CoverageRulesService] })
export class CoverageModule {}

import { Module } from '@nestjs/common';
import { PayController, PayTablesController } from './pay.controller';
import { PayService } from './pay.service';

/** Bands, salaries, exchange rates, minimum wages and roster cost (issue 7). Managers only. */
@Module({ controllers: [PayController, PayTablesController], providers: [PayService], exports: [PayService] })
export class PayModule {}

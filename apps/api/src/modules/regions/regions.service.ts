import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateRegionRequest, Region, UpdateRegionRequest } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { apiError } from '../../common/api-error';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import { RegionEntity } from './region.entity';
import { toRegion } from './region.mapper';

@Injectable()
export class RegionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async list(): Promise<Region[]> {
    const rows = await this.dataSource.getRepository(RegionEntity).find({ order: { name: 'ASC', id: 'ASC' } });
    return rows.map(toRegion);
  }

  async get(id: string): Promise<Region> {
    return toRegion(await this.load(this.dataSource.manager, id));
  }

  create(request: CreateRegionRequest): Promise<Region> {
    return this.transactions.run(async (manager) => {
      await this.assertNameFree(manager, request.name);
      const now = nowIso();
      const entity: RegionEntity = {
        id: randomUUID(),
        name: request.name,
        countryCode: request.countryCode,
        defaultTimeZone: request.defaultTimeZone,
        currency: request.currency,
        createdAt: now,
        updatedAt: now,
      };
      await manager.insert(RegionEntity, entity);
      return toRegion(entity);
    });
  }

  update(id: string, request: UpdateRegionRequest): Promise<Region> {
    return this.transactions.run(async (manager) => {
      const entity = await this.load(manager, id);
      if (request.name !== undefined && request.name.toLowerCase() !== entity.name.toLowerCase()) {
        await this.assertNameFree(manager, request.name);
      }
      Object.assign(entity, pick(request), { updatedAt: nowIso() });
      await manager.save(RegionEntity, entity);
      return toRegion(entity);
    });
  }

  remove(id: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      await this.load(manager, id);
      const inUse = await manager.countBy(AgentEntity, { regionId: id });
      if (inUse > 0) {
        throw new ConflictException(apiError(409, `This region is used by ${inUse} agent(s); move them to another region first`));
      }
      await manager.delete(RegionEntity, { id });
    });
  }

  private async load(manager: EntityManager, id: string): Promise<RegionEntity> {
    const entity = await manager.findOneBy(RegionEntity, { id });
    if (!entity) throw new NotFoundException(`No region with id ${id}`);
    return entity;
  }

  private async assertNameFree(manager: EntityManager, name: string): Promise<void> {
    const clash = await manager
      .createQueryBuilder(RegionEntity, 'region')
      .where('LOWER(region.name) = :name', { name: name.toLowerCase() })
      .getExists();
    if (clash) {
      const message = `name: a region called "${name}" already exists`;
      throw new ConflictException(apiError(409, message, [{ field: 'name', message }]));
    }
  }
}

function pick(request: UpdateRegionRequest): Partial<RegionEntity> {
  const fields: Partial<RegionEntity> = {};
  if (request.name !== undefined) fields.name = request.name;
  if (request.countryCode !== undefined) fields.countryCode = request.countryCode;
  if (request.defaultTimeZone !== undefined) fields.defaultTimeZone = request.defaultTimeZone;
  if (request.currency !== undefined) fields.currency = request.currency;
  return fields;
}

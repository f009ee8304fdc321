import type { Region } from '@shiftdesk/shared-api-contract';
import type { RegionEntity } from './region.entity';

export function toRegion(entity: RegionEntity): Region {
  return {
    id: entity.id,
    name: entity.name,
    countryCode: entity.countryCode,
    defaultTimeZone: entity.defaultTimeZone,
    currency: entity.currency,
  };
}

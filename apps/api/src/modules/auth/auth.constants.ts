import { SetMetadata } from '@nestjs/common';
import type { Role } from '@shiftdesk/shared-api-contract';

export const IS_PUBLIC = 'shiftdesk:public';
export const ROLES_KEY = 'shiftdesk:roles';

/** Sessions last 12 hours from sign-in (ms). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Marks a route that needs no token. Everything else is guarded by default. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to these roles (any signed-in user when absent). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

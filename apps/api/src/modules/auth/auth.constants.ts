import { SetMetadata } from '@nestjs/common';
import type { Role } from '@shiftdesk/shared-api-contract';

export const IS_PUBLIC = 'shiftdesk:public';
export const ROLES_KEY = 'shiftdesk:roles';

/** Sessions last 12 hours from sign-in (ms). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export const BEFORE_OWN_PASSWORD = 'shiftdesk:before-own-password';

/** A temporary password made for an imported agent works this long (ms), to choose their own. */
export const TEMPORARY_PASSWORD_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** Marks a route that needs no token. Everything else is guarded by default. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to these roles (any signed-in user when absent). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/**
 * Marks a route a user with a temporary password may call (who am I, choose a password, sign
 * out); every other route answers 403 until they have chosen their own.
 */
export const BeforeOwnPassword = (): MethodDecorator & ClassDecorator => SetMetadata(BEFORE_OWN_PASSWORD, true);

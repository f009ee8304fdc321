import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LoginResponse } from '@shiftdesk/shared-api-contract';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, Not } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import { badField } from '../schedule/schedule-errors';
import { ManagerTeamEntity } from '../teams/manager-team.entity';
import { SESSION_TTL_MS } from './auth.constants';
import type { AuthenticatedUser } from './authenticated-user';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import { LoginLockouts } from './login-lockouts.service';
import { SessionEntity } from './session.entity';
import { toCurrentUser } from './user.mapper';
import { UserEntity } from './user.entity';

/** Refreshing last_seen_at on every request would turn every read into a write. */
const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

/** One message for unknown email and wrong password, so the API does not reveal who has an account. */
const BAD_CREDENTIALS = 'Email or password is incorrect';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly lockouts: LoginLockouts,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const started = Date.now();
    // A locked email is refused before the password is even checked (see LoginLockouts).
    const hadFailures = await this.lockouts.assertNotLocked(email, started);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: email.toLowerCase() });
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
    let allowed = user !== null && valid;
    if (allowed && user?.agentId) {
      const agent = await this.dataSource.getRepository(AgentEntity).findOneBy({ id: user.agentId });
      // Archived agents keep their history but may no longer sign in.
      allowed = agent !== null && !agent.archivedAt;
    }
    if (!user || !allowed) {
      await this.lockouts.recordFailure(email, user, started);
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    if (hadFailures) await this.lockouts.clear(email);
    // Only after the password verified, so this says nothing about who has an account.
    if (user.passwordExpiresAt && user.passwordExpiresAt <= new Date(started).toISOString()) {
      throw new UnauthorizedException('This temporary password has expired: ask a manager of your team for a new login');
    }

    // 256 random bits; only the SHA-256 is stored, the token itself goes to the client once.
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session: SessionEntity = {
      id: randomUUID(),
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      lastSeenAt: now.toISOString(),
    };
    await this.transactions.run((manager) => manager.insert(SessionEntity, session));
    const authenticated = await this.describe(user, session.id);
    return { token, expiresAt: session.expiresAt, user: toCurrentUser(authenticated) };
  }

  async logout(sessionId: string): Promise<void> {
    await this.transactions.run((manager) => manager.delete(SessionEntity, { id: sessionId }));
  }

  /**
   * The signed-in user's own password. A wrong current password counts as a failed sign-in for
   * the account's email (and locks it like one), so a stolen session cannot be used to guess the
   * password. Every other session ends: whoever else was signed in must sign in again.
   */
  async changePassword(user: AuthenticatedUser, currentPassword: string, newPassword: string): Promise<void> {
    const started = Date.now();
    await this.lockouts.assertNotLocked(user.email, started);
    const account = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    if (!(await verifyPassword(currentPassword, account.passwordHash))) {
      await this.lockouts.recordFailure(user.email, account, started);
      throw badField('currentPassword', 'is not your current password; type the password you signed in with');
    }
    if (account.passwordExpiresAt && account.passwordExpiresAt <= new Date(started).toISOString()) {
      throw badField('currentPassword', 'is a temporary password that has expired: ask a manager of your team for a new login');
    }
    if (newPassword === currentPassword) throw badField('newPassword', 'must differ from the current password');
    const passwordHash = await hashPassword(newPassword);
    await this.transactions.run(async (manager) => {
      // A password of one's own: a temporary one is temporary no more.
      await manager.update(UserEntity, { id: user.id }, { passwordHash, passwordExpiresAt: null, updatedAt: new Date().toISOString() });
      await manager.delete(SessionEntity, { userId: user.id, id: Not(user.sessionId) });
    });
    await this.lockouts.clear(user.email);
  }

  /** The user behind a bearer token, or null when the token is unknown or expired. */
  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    const now = new Date();
    const session = await this.dataSource.getRepository(SessionEntity).findOneBy({ tokenHash: hashToken(token) });
    if (!session || session.expiresAt <= now.toISOString()) return null;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: session.userId });
    if (!user) return null;
    const authenticated = await this.describe(user, session.id);
    if (user.agentId && authenticated.teamIds.length === 0) return null;
    if (now.getTime() - Date.parse(session.lastSeenAt) > LAST_SEEN_RESOLUTION_MS) {
      await this.transactions.run((manager) => manager.update(SessionEntity, { id: session.id }, { lastSeenAt: now.toISOString() }));
    }
    return authenticated;
  }

  private async describe(user: UserEntity, sessionId: string): Promise<AuthenticatedUser> {
    let teamIds: string[] = [];
    if (user.role === 'manager') {
      const links = await this.dataSource.getRepository(ManagerTeamEntity).find({ where: { userId: user.id }, order: { teamId: 'ASC' } });
      teamIds = links.map((link) => link.teamId);
    } else if (user.agentId) {
      const agent = await this.dataSource.getRepository(AgentEntity).findOneBy({ id: user.agentId });
      if (agent && !agent.archivedAt) teamIds = [agent.teamId];
    }
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      displayName: user.displayName,
      agentId: user.agentId,
      teamIds,
      sessionId,
      passwordExpiresAt: user.passwordExpiresAt ?? null,
    };
  }
}

import type { Agent, CreateAgentRequest, Team } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/modules/auth/password-hasher';
import { UserEntity } from '../../src/modules/auth/user.entity';
import { ShiftEntity } from '../../src/modules/shifts/shift.entity';
import { bearer, type TestApp } from './test-app';

let counter = 0;

/** A valid create request; override what the test is about. */
export function agentRequest(teamId: string, overrides: Partial<CreateAgentRequest> = {}): CreateAgentRequest {
  counter += 1;
  return {
    teamId,
    displayName: `Agent Number${counter} Testova`,
    email: `agent${counter}.${randomUUID().slice(0, 8)}@example.com`,
    timeZone: 'Europe/Moscow',
    workMode: 'office',
    languages: [{ code: 'ru', level: 'native' }],
    channels: ['email'],
    contractHoursPerWeek: 40,
    ...overrides,
  };
}

export async function createTeam(t: TestApp, token: string, name = `Team ${randomUUID().slice(0, 8)}`): Promise<Team> {
  const response = await t.http().post('/api/teams').set(bearer(token)).send({ name, timeZone: 'Europe/Moscow' }).expect(201);
  return response.body as Team;
}

export async function createAgent(t: TestApp, token: string, request: CreateAgentRequest): Promise<Agent> {
  const response = await t.http().post('/api/agents').set(bearer(token)).send(request);
  if (response.status !== 201) throw new Error(`create agent failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Agent;
}

/** A manager account of no team, inserted directly (POST /api/teams/:id/managers always links one to a team). */
export async function insertManager(t: TestApp, email: string, password: string): Promise<void> {
  const now = new Date().toISOString();
  await t.dataSource.getRepository(UserEntity).insert({
    id: randomUUID(),
    email,
    passwordHash: await hashPassword(password),
    role: 'manager',
    agentId: null,
    displayName: 'Other Manager',
    createdAt: now,
    updatedAt: now,
  });
}

/** Shifts have no API in this issue: inserted directly so archiving can be tested. */
export async function insertShift(t: TestApp, agent: Agent): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await t.dataSource.getRepository(ShiftEntity).insert({
    id,
    teamId: agent.teamId,
    agentId: agent.id,
    startAt: '2026-03-02T06:00:00.000Z',
    endAt: '2026-03-02T14:00:00.000Z',
    timeZone: 'Europe/Moscow',
    channel: null,
    label: null,
    breaks: '[]',
    status: 'published',
    source: 'manual',
    locked: false,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

import { inject, Injectable, signal } from '@angular/core';
import type { CreateRotationRequest, DeleteRotationResponse, ImportGrafanaOncallRequest, ImportOpsgenieRequest, ImportScheduleResponse, Rotation, RotationPreviewResponse, UpdateRotationRequest, UpdateRotationResponse } from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { ScheduleApi } from './schedule.api';

/** A team's rotations and their writes; errors reach the caller as the contract's ApiError. */
@Injectable()
export class RotationsStore {
  private readonly api = inject(ScheduleApi);

  readonly rotations = signal<Rotation[]>([]);
  readonly loaded = signal(false);
  readonly error = signal('');

  async load(teamId: string): Promise<void> {
    this.error.set('');
    try {
      const rotations = await firstValueFrom(this.api.rotations(teamId));
      this.rotations.set([...rotations].sort((a, b) => a.name.localeCompare(b.name) || a.startDate.localeCompare(b.startDate)));
      this.loaded.set(true);
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    }
  }

  async create(teamId: string, request: CreateRotationRequest): Promise<Rotation> {
    const rotation = await this.call(() => firstValueFrom(this.api.createRotation(teamId, request)));
    await this.load(teamId);
    return rotation;
  }

  async update(teamId: string, id: string, request: UpdateRotationRequest): Promise<UpdateRotationResponse> {
    const result = await this.call(() => firstValueFrom(this.api.updateRotation(teamId, id, request)));
    await this.load(teamId);
    return result;
  }

  async remove(teamId: string, id: string): Promise<DeleteRotationResponse> {
    const result = await this.call(() => firstValueFrom(this.api.deleteRotation(teamId, id)));
    await this.load(teamId);
    return result;
  }

  /** A dry run only answers; a real import reloads the list. */
  async importOpsgenie(teamId: string, request: ImportOpsgenieRequest): Promise<ImportScheduleResponse> {
    const result = await this.call(() => firstValueFrom(this.api.importOpsgenie(teamId, request)));
    if (!request.dryRun) await this.load(teamId);
    return result;
  }

  /** As `importOpsgenie`, for Grafana OnCall's shifts and users. */
  async importGrafanaOncall(teamId: string, request: ImportGrafanaOncallRequest): Promise<ImportScheduleResponse> {
    const result = await this.call(() => firstValueFrom(this.api.importGrafanaOncall(teamId, request)));
    if (!request.dryRun) await this.load(teamId);
    return result;
  }

  preview(teamId: string, id: string, from: string, count = 10): Promise<RotationPreviewResponse> {
    return this.call(() => firstValueFrom(this.api.previewRotation(teamId, id, { from, count })));
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (failure) {
      throw toApiError(failure);
    }
  }
}

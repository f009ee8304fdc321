import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EmptyStateComponent, SpinnerComponent, ZonedClockComponent } from '@shiftdesk/web-ui';
import { DirectoryStore } from '../shared/directory.store';
import { TeamsNoticeStore } from './teams-notice.store';

@Component({
  selector: 'sd-teams-list',
  imports: [RouterLink, EmptyStateComponent, SpinnerComponent, ZonedClockComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-header">
      <div>
        <h1>Teams</h1>
        <p class="muted">Each team plans in its own time zone.</p>
      </div>
      <a class="btn btn-primary" routerLink="new">Add team</a>
    </div>

    <div aria-live="polite">
      @if (notice.message(); as message) {
        <div class="alert alert-success">
          <span>{{ message }}</span>
          <button type="button" class="btn btn-ghost btn-small" (click)="notice.message.set('')">Dismiss</button>
        </div>
      }
    </div>

    @if (directory.error()) {
      <div class="alert alert-error" role="alert">
        <span>{{ directory.error() }}</span>
        <button type="button" class="btn btn-ghost btn-small" (click)="directory.load(true)">Try again</button>
      </div>
    }

    @if (!directory.teamsLoaded() && directory.loading()) {
      <sd-spinner label="Loading teams…" />
    } @else if (directory.teamsLoaded() && !directory.teams().length) {
      <sd-empty-state heading="No teams yet — add the first one" hint="A team groups agents who cover the same desk and plans in one time zone.">
        <a class="btn btn-primary" routerLink="new">Add the first team</a>
      </sd-empty-state>
    } @else if (directory.teamsLoaded()) {
      <div class="table-wrap card">
        <table class="table table-stack" data-testid="teams-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Description</th>
              <th scope="col">Time zone</th>
              <th scope="col" class="num">Agents</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (team of directory.sortedTeams(); track team.id) {
              <tr>
                <td data-label="Name"><a class="strong-link" [routerLink]="team.id">{{ team.name }}</a></td>
                <td data-label="Description" class="subtle">{{ team.description || '—' }}</td>
                <td data-label="Time zone" class="nowrap"><sd-zoned-clock [timeZone]="team.timeZone" /></td>
                <td data-label="Agents" class="num"><a [routerLink]="['/agents']" [queryParams]="{ teamId: team.id }" class="quiet-link" [attr.aria-label]="team.agentCount + ' agents in ' + team.name">{{ team.agentCount }}</a></td>
                <td class="actions"><a class="btn btn-ghost btn-small" [routerLink]="team.id" [attr.aria-label]="'Edit ' + team.name">Edit</a></td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class TeamsListComponent implements OnInit {
  readonly directory = inject(DirectoryStore);
  readonly notice = inject(TeamsNoticeStore);

  ngOnInit(): void {
    void this.directory.load(true);
  }
}

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CalendarImport,
  CreateCalendarImportRequest,
  CreateFeedRequest,
  Feed,
  FeedSecret,
  FeedsQuery,
  UnavailabilityResponse,
  UpdateFeedRequest,
  WindowQuery,
} from '@shiftdesk/shared-api-contract';
import type { Observable } from 'rxjs';
import { toQueryParams } from './agents.api';
import { API_BASE } from './api-paths';

/** Calendar feeds: the secret URL comes only in the answers of create and rotate. */
@Injectable({ providedIn: 'root' })
export class FeedsApi {
  private readonly http = inject(HttpClient);

  list(query: FeedsQuery = {}): Observable<Feed[]> {
    return this.http.get<Feed[]>(`${API_BASE}/feeds`, { params: toQueryParams(query) });
  }

  create(request: CreateFeedRequest): Observable<FeedSecret> {
    return this.http.post<FeedSecret>(`${API_BASE}/feeds`, request);
  }

  update(id: string, request: UpdateFeedRequest): Observable<Feed> {
    return this.http.patch<Feed>(`${API_BASE}/feeds/${encodeURIComponent(id)}`, request);
  }

  rotate(id: string): Observable<FeedSecret> {
    return this.http.post<FeedSecret>(`${API_BASE}/feeds/${encodeURIComponent(id)}/rotate`, {});
  }

  revoke(id: string): Observable<void> {
    return this.http.delete<void>(`${API_BASE}/feeds/${encodeURIComponent(id)}`);
  }
}

/** An agent's imported calendars (unavailability), managers only. */
@Injectable({ providedIn: 'root' })
export class CalendarImportsApi {
  private readonly http = inject(HttpClient);

  list(agentId: string): Observable<CalendarImport[]> {
    return this.http.get<CalendarImport[]>(`${API_BASE}/agents/${encodeURIComponent(agentId)}/calendar-imports`);
  }

  create(agentId: string, request: CreateCalendarImportRequest): Observable<CalendarImport> {
    return this.http.post<CalendarImport>(`${API_BASE}/agents/${encodeURIComponent(agentId)}/calendar-imports`, request);
  }

  refresh(agentId: string, id: string, ics?: string): Observable<CalendarImport> {
    return this.http.post<CalendarImport>(`${API_BASE}/agents/${encodeURIComponent(agentId)}/calendar-imports/${encodeURIComponent(id)}/refresh`, ics === undefined ? {} : { ics });
  }

  remove(agentId: string, id: string): Observable<void> {
    return this.http.delete<void>(`${API_BASE}/agents/${encodeURIComponent(agentId)}/calendar-imports/${encodeURIComponent(id)}`);
  }

  unavailability(agentId: string, query: WindowQuery): Observable<UnavailabilityResponse> {
    return this.http.get<UnavailabilityResponse>(`${API_BASE}/agents/${encodeURIComponent(agentId)}/unavailability`, { params: toQueryParams(query) });
  }
}

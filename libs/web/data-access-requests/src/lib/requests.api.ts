import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type AgentSummary,
  API_PREFIX,
  type CreateShiftRequestBody,
  type ListShiftRequestsQuery,
  type MarkNoticesReadBody,
  type MyProfile,
  type MyShiftsQuery,
  type MyShiftsResponse,
  type NoticesResponse,
  type Page,
  type RequestAction,
  type RequestApprovalPolicy,
  type RequestDecisionBody,
  type RequestImpact,
  type ScheduleResponse,
  type ShiftRequestDetail,
  type ShiftRequestsResponse,
  type Team,
  type TeamSettings,
  type WindowQuery,
} from '@shiftdesk/shared-api-contract';
import { toItems } from '@shiftdesk/web-util';
import { map, type Observable } from 'rxjs';

/** Same origin as the web app (data-access libs do not import each other, so the base is repeated). */
const API_BASE = `/${API_PREFIX}`;

/** The agents list pages at most 200 rows; a team is smaller than that. */
const TEAM_PAGE_SIZE = 200;

function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    result = result.set(key, String(value));
  }
  return result;
}

const id = (value: string) => encodeURIComponent(value);

/**
 * Issue 5's endpoints (my shifts, requests, notices) plus the few team reads the request
 * screens need (colleagues, their published shifts, the approval policy).
 */
@Injectable({ providedIn: 'root' })
export class RequestsApi {
  private readonly http = inject(HttpClient);

  myShifts(query: MyShiftsQuery = {}): Observable<MyShiftsResponse> {
    return this.http.get<MyShiftsResponse>(`${API_BASE}/me/shifts`, { params: params(query) });
  }

  list(query: ListShiftRequestsQuery): Observable<ShiftRequestsResponse> {
    return this.http.get<ShiftRequestsResponse>(`${API_BASE}/requests`, { params: params(query) });
  }

  get(requestId: string): Observable<ShiftRequestDetail> {
    return this.http.get<ShiftRequestDetail>(`${API_BASE}/requests/${id(requestId)}`);
  }

  /** What filing `body` would do, computed by the server; nothing is saved. */
  impact(body: CreateShiftRequestBody): Observable<RequestImpact> {
    return this.http.post<RequestImpact>(`${API_BASE}/requests/impact`, body);
  }

  create(body: CreateShiftRequestBody): Observable<ShiftRequestDetail> {
    return this.http.post<ShiftRequestDetail>(`${API_BASE}/requests`, body);
  }

  /** accept, take, decline, cancel, approve or undo; 409 when the request moved on meanwhile. */
  act(requestId: string, action: RequestAction, body: RequestDecisionBody = {}): Observable<ShiftRequestDetail> {
    return this.http.post<ShiftRequestDetail>(`${API_BASE}/requests/${id(requestId)}/${action}`, body);
  }

  notices(): Observable<NoticesResponse> {
    return this.http.get<NoticesResponse>(`${API_BASE}/me/notices`);
  }

  /** Marks `ids` read, or every notice of the caller when `ids` is left out. */
  markNoticesRead(body: MarkNoticesReadBody = {}): Observable<NoticesResponse> {
    return this.http.post<NoticesResponse>(`${API_BASE}/me/notices/read`, body);
  }

  // ---- reads the request screens need beside issue 5's endpoints ----

  /** The agent's own record: their zone, team and contract. */
  myProfile(): Observable<MyProfile> {
    return this.http.get<MyProfile>(`${API_BASE}/me/profile`);
  }

  teams(): Observable<Team[]> {
    return this.http.get<Page<Team> | Team[]>(`${API_BASE}/teams`).pipe(map((result) => toItems(result)));
  }

  /** Agents see their colleagues' summaries; managers their team's agents. */
  teamAgents(teamId: string): Observable<AgentSummary[]> {
    return this.http.get<Page<AgentSummary>>(`${API_BASE}/agents`, { params: params({ teamId, pageSize: TEAM_PAGE_SIZE }) }).pipe(map((page) => page.items));
  }

  /** The team's final schedule (agents see published shifts only). */
  teamSchedule(teamId: string, window: WindowQuery): Observable<ScheduleResponse> {
    return this.http.get<ScheduleResponse>(`${API_BASE}/teams/${id(teamId)}/schedule`, { params: params(window) });
  }

  teamSettings(teamId: string): Observable<TeamSettings> {
    return this.http.get<TeamSettings>(`${API_BASE}/teams/${id(teamId)}/settings`);
  }

  setApprovalPolicy(teamId: string, requestApproval: RequestApprovalPolicy): Observable<TeamSettings> {
    return this.http.patch<TeamSettings>(`${API_BASE}/teams/${id(teamId)}/settings`, { requestApproval });
  }
}

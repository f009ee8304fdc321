import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AgentPay,
  BandReport,
  CostReport,
  CreateSalaryRequest,
  PayLevel,
  Salary,
  WhatIfQuery,
  WhatIfReport,
} from '@shiftdesk/shared-api-contract';
import type { Observable } from 'rxjs';
import { API_BASE } from './api-paths';

const params = (query: Record<string, string | number | undefined>) => {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') result = result.set(key, String(value));
  return result;
};

/** Pay of a team: managers of the team only (the API answers agents 403). */
@Injectable({ providedIn: 'root' })
export class PayApi {
  private readonly http = inject(HttpClient);
  private base(teamId: string): string {
    return `${API_BASE}/teams/${encodeURIComponent(teamId)}/pay`;
  }

  bandReport(teamId: string, date?: string): Observable<BandReport> {
    return this.http.get<BandReport>(`${this.base(teamId)}/bands`, { params: params({ date }) });
  }

  agentPay(teamId: string, agentId: string): Observable<AgentPay> {
    return this.http.get<AgentPay>(`${this.base(teamId)}/agents/${encodeURIComponent(agentId)}`);
  }

  setLevel(teamId: string, agentId: string, level: PayLevel | null): Observable<AgentPay> {
    return this.http.put<AgentPay>(`${this.base(teamId)}/agents/${encodeURIComponent(agentId)}/level`, { level });
  }

  addSalary(teamId: string, agentId: string, request: CreateSalaryRequest): Observable<Salary> {
    return this.http.post<Salary>(`${this.base(teamId)}/agents/${encodeURIComponent(agentId)}/salaries`, request);
  }

  cost(teamId: string, from: string, to: string): Observable<CostReport> {
    return this.http.get<CostReport>(`${this.base(teamId)}/cost`, { params: params({ from, to }) });
  }

  whatIf(teamId: string, query: WhatIfQuery): Observable<WhatIfReport> {
    return this.http.get<WhatIfReport>(`${this.base(teamId)}/what-if`, { params: params({ weekStart: query.weekStart, minAgents: query.minAgents }) });
  }

  /** The CSV text of `bands.csv` or `cost.csv` (fetched with the bearer token, then saved by the page). */
  csv(teamId: string, report: 'bands' | 'cost', query: Record<string, string | undefined> = {}): Observable<string> {
    return this.http.get(`${this.base(teamId)}/${report}.csv`, { params: params(query), responseType: 'text' });
  }
}

// Public API of the requests module (issue 5): the request state machine and impact assessment.
export { availableRequestActions, requestAwaiting, transitionRequest } from './request-state';
export type { RequestActor, RequestStateView, RequestTransition, TransitionRefusal } from './request-state';
export { assessRequestImpact } from './assess-request-impact';
export type { AssessRequestImpactInput, CoverageChange, RequestImpactAssessment, RequestImpactIssue, ShiftMove } from './assess-request-impact';

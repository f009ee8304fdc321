/** Styles shared by the pay pages (component-scoped; the global sheet has the basics). */
export const PAY_STYLES = `
  .pay-toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin-bottom: 1rem; }
  .pay-toolbar label { display: flex; flex-direction: column; gap: 0.25rem; font-size: 0.85rem; }
  .pay-tabs { display: flex; gap: 0.5rem; margin-bottom: 1rem; }
  .flag { display: inline-block; border-radius: 999px; padding: 0.1rem 0.55rem; font-size: 0.78rem; margin: 0 0.25rem 0.15rem 0; white-space: nowrap; }
  .flag-danger { background: #fde8e8; color: #9b1c1c; }
  .flag-warning { background: #fdf3d7; color: #8a5a00; }
  .flag-muted { background: #eef0f3; color: #4a5260; }
  .strip { display: block; }
  .strip .band { fill: #dbe8fb; stroke: #6d98d8; }
  .strip .mid { stroke: #2f5fa8; stroke-width: 1.5; }
  .strip .dot { stroke: #fff; stroke-width: 1.5; }
  .strip .dot-ok { fill: #2f5fa8; }
  .strip .dot-below { fill: #c81e1e; }
  .strip .dot-above { fill: #d98a00; }
  .strip .minwage { stroke: #c81e1e; stroke-dasharray: 3 2; stroke-width: 1.5; }
  .group { margin-bottom: 1.25rem; }
  .estimate-note { font-size: 0.85rem; color: #5a6270; max-width: 60rem; }
  .bars text { font-size: 11px; fill: #333; }
  .bars .bar { fill: #6d98d8; }
  .bars .bar-hire { fill: #d98a00; }
  .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
`;

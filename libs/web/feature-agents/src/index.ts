export * from './lib/agents.routes';
export * from './lib/agents/agents-list.store';

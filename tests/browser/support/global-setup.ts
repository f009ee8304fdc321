import { startServer } from './server';

export default async function globalSetup(): Promise<void> {
  const state = await startServer();
  console.log(`\nShiftdesk under test at ${state.baseUrl}`);
}

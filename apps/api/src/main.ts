import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { startApp } from './app/create-app';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  await startApp(config);
}

bootstrap().catch((error: unknown) => {
  console.error('Shiftdesk failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

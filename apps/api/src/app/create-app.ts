import 'reflect-metadata';
import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX } from '@shiftdesk/shared-api-contract';
import { ApiExceptionFilter } from '../common/api-exception.filter';
import { applyHttpSecurity } from '../common/http-security';
import { createValidationPipe } from '../common/validation-pipe';
import type { AppConfig } from '../config/app-config';
import { APP_VERSION } from '../config/version';
import { AppLogger } from '../modules/observability/app-logger';
import { applyHttpObservability } from '../modules/observability/http-observability';
import { AppModule } from './app.module';
import { installGracefulShutdown } from './graceful-shutdown';

/**
 * Builds the whole application (database migrated, first-start data loaded) without listening:
 * main.ts listens on the configured port, tests on port 0 with a temporary database.
 */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new AppLogger(config.logFormat, config.logLevels),
    abortOnError: false,
  });
  // Before anything else: request ids, access log and latency cover every answer, then headers.
  applyHttpObservability(app, config.metricsToken);
  applyHttpSecurity(app, config);
  // Registered here rather than as APP_FILTER so it also sees errors raised before routing
  // (malformed JSON bodies, unknown routes).
  app.useGlobalFilters(new ApiExceptionFilter());
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  // JSON bodies up to 6 MB: an uploaded .ics (calendar imports, at most 5 MB of text) travels in
  // one, escaped; anything larger is refused with 413 before it is parsed.
  app.useBodyParser('json', { limit: '6mb' });
  // No enableShutdownHooks(): Nest would close the modules (and the database) before the HTTP
  // server; startApp installs a shutdown that drains requests first (graceful-shutdown.ts).

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Shiftdesk API')
      .setDescription('Support staffing and shift scheduling. Sign in with POST /api/auth/login and send the token as a bearer token.')
      .setVersion(APP_VERSION)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });

  await app.init();
  return app;
}

/** Creates the app, listens, and says where. */
export async function startApp(config: AppConfig): Promise<INestApplication> {
  const app = await createApp(config);
  await app.listen(config.port);
  const address = app.getHttpServer().address() as { port: number } | null;
  installGracefulShutdown(app);
  new Logger('Shiftdesk').log(`Shiftdesk is running at http://localhost:${address?.port ?? config.port}/`);
  return app;
}

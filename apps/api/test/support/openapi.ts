import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/** The parts of an OpenAPI 3 schema the API tests read. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  example?: unknown;
  default?: unknown;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
}

interface OperationObject {
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

/** One route of the document: `path` as written there (`/api/teams/{teamId}/shifts/{id}`). */
export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** The JSON request body's schema, $refs resolved at the top level; null when it takes none. */
  body: SchemaObject | null;
}

/** GET /api/docs-json: every route the API documents, as the leak and fuzz tests walk them. */
export async function loadRoutes(t: TestApp): Promise<{ document: OpenApiDocument; routes: Route[] }> {
  const response = await t.http().get('/api/docs-json');
  if (response.status !== 200) throw new Error(`GET /api/docs-json answered ${response.status}`);
  const document = response.body as OpenApiDocument;
  const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      return { method: method as Route['method'], path, body: schema ? resolveSchema(document, schema) : null };
    }),
  );
  return { document, routes };
}

/** Follows a `#/components/schemas/…` reference (one level; call again for nested ones). */
export function resolveSchema(document: OpenApiDocument, schema: SchemaObject): SchemaObject {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const found = document.components?.schemas?.[name];
  if (!found) throw new Error(`OpenAPI document: unknown schema ${schema.$ref}`);
  return found;
}

/**
 * Fills `{name}` path parameters: `values(name, path)` may pick a real id (say the team of the
 * caller for `teamId`); anything it leaves undefined gets a random UUID (an id that exists nowhere).
 */
export function fillPath(path: string, values: (name: string, path: string) => string | undefined = () => undefined): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => values(name, path) ?? randomUUID());
}

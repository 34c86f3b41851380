/**
 * Issue 15: a handler's scopes are declared once (`@RequireScopes`, `require-scopes.ts`) and the
 * OpenAPI document states exactly what is enforced. For every route handler of every controller
 * the app runs, the document's operation must require exactly the scopes the handler's guard
 * checks (for both security schemes), and a handler without the bearer guard must be documented
 * without a security requirement. A handler enforcing scopes the document does not show (e.g.
 * the lib's plain `RequireScopes`, which documents nothing) fails here.
 */
import { GUARDS_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { createTestDatabase, type TestDatabase } from '@oauth-ref/db/testing';
import { BearerAuthGuard, REQUIRED_SCOPES_KEY } from '@oauth-ref/nest-bearer-auth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/start-test-api.js';
import { BEARER_SCHEME, OAUTH2_SCHEME } from './api-docs.decorators.js';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
}

interface Enforcement {
  readonly operationId: string;
  readonly guarded: boolean;
  readonly scopes: readonly string[] | undefined;
}

let database: TestDatabase;
let api: TestApi;
let operations: Map<string, Operation>;

/** Every route handler of the running app, with what its metadata makes the guard enforce. */
function enforcedByHandlers(): Enforcement[] {
  const found: Enforcement[] = [];
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (typeof controller !== 'function') continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const guards = [
          ...((Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[]) ?? []),
          ...((Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[]) ?? []),
        ];
        found.push({
          operationId: `${controller.name}_${name}`,
          guarded: guards.includes(BearerAuthGuard),
          scopes: (Reflect.getMetadata(REQUIRED_SCOPES_KEY, handler) ??
            Reflect.getMetadata(REQUIRED_SCOPES_KEY, controller)) as readonly string[] | undefined,
        });
      }
    }
  }
  return found;
}

beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  api = await startTestApi({ database });
  const document = (await (await api.fetch('/docs-json')).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  operations = new Map(
    Object.values(document.paths)
      .flatMap((path) => Object.values(path))
      .map((operation) => [operation.operationId ?? '', operation]),
  );
});
afterAll(async () => {
  await api?.close();
  await database?.dispose();
});

it('documents exactly the enforced scopes of every guarded operation', () => {
  const guarded = enforcedByHandlers().filter((handler) => handler.guarded);
  // the app's protected operations are all here: the check cannot pass on an empty list
  expect(guarded.map((handler) => handler.operationId).sort()).toEqual(
    [
      'MeController_me',
      'NotesController_create',
      'NotesController_get',
      'NotesController_list',
      'NotesController_remove',
      'NotesController_update',
      'StatsController_stats',
    ].sort(),
  );
  for (const handler of guarded) {
    const scopes = [...(handler.scopes ?? [])];
    expect(
      operations.get(handler.operationId)?.security,
      `${handler.operationId} documents what it enforces`,
    ).toEqual([{ [OAUTH2_SCHEME]: scopes }, { [BEARER_SCHEME]: scopes }]);
  }
  expect(
    Object.fromEntries(guarded.map((handler) => [handler.operationId, handler.scopes])),
  ).toMatchObject({
    NotesController_list: ['notes:read'],
    NotesController_create: ['notes:write'],
    StatsController_stats: ['notes:stats'],
    MeController_me: [],
  });
});

it('documents no security requirement on an operation without the bearer guard', () => {
  const open = enforcedByHandlers().filter((handler) => !handler.guarded);
  expect(open.length).toBeGreaterThan(0);
  for (const handler of open) {
    const operation = operations.get(handler.operationId);
    if (operation === undefined) continue; // excluded from the document (e.g. RFC 9728 metadata)
    expect(operation.security ?? [], handler.operationId).toEqual([]);
  }
});

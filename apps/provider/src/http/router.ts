/** A minimal method + path router as Koa middleware (the engine owns every other route). */
import type { Context, Next } from 'koa';

export type RouteHandler = (ctx: Context, params: Record<string, string>) => Promise<void>;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly keys: readonly string[];
  readonly handler: RouteHandler;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: RouteHandler): this {
    const keys: string[] = [];
    const source = path.replace(/:([a-zA-Z]+)/g, (_match, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), keys, handler });
    return this;
  }

  /** Paths this router owns: a known path with another method gets 405. */
  middleware() {
    return async (ctx: Context, next: Next): Promise<void> => {
      let pathMatched = false;
      for (const route of this.routes) {
        const match = route.pattern.exec(ctx.path);
        if (!match) continue;
        pathMatched = true;
        if (route.method !== ctx.method && !(route.method === 'GET' && ctx.method === 'HEAD'))
          continue;
        const params: Record<string, string> = {};
        try {
          route.keys.forEach((key, index) => {
            params[key] = decodeURIComponent(match[index + 1] ?? '');
          });
        } catch {
          ctx.status = 400;
          ctx.body = { error: 'invalid_request', error_description: 'malformed path' };
          return;
        }
        await route.handler(ctx, params);
        return;
      }
      if (pathMatched) {
        ctx.status = 405;
        ctx.body = { error: 'invalid_request', error_description: 'method not allowed' };
        return;
      }
      await next();
    };
  }
}

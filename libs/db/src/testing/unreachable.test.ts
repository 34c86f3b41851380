import { afterEach, describe, expect, it, vi } from 'vitest';
import { unreachableUnlessRequired } from './unreachable.js';

describe('an unreachable test server', () => {
  afterEach(() => vi.unstubAllEnvs());
  const refused = new Error('connect ECONNREFUSED 127.0.0.1:6390');

  it('is a skip reason naming the service, the host and the error', () => {
    vi.stubEnv('REQUIRE_REDIS', '');
    expect(
      unreachableUnlessRequired('Redis', 'redis://127.0.0.1:6390', refused, 'REQUIRE_REDIS'),
    ).toBe('Redis unreachable at 127.0.0.1:6390: connect ECONNREFUSED 127.0.0.1:6390');
  });

  it('is a failure when the run requires that server', () => {
    vi.stubEnv('REQUIRE_POSTGRES', '1');
    expect(() =>
      unreachableUnlessRequired(
        'PostgreSQL',
        'postgresql://u@db.example:5432/x',
        refused,
        'REQUIRE_POSTGRES',
      ),
    ).toThrow(
      'PostgreSQL unreachable at db.example:5432: connect ECONNREFUSED 127.0.0.1:6390 (REQUIRE_POSTGRES=1 makes this a failure)',
    );
  });
});

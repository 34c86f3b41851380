import { describe, expect, it } from 'vitest';
import { describeDpopKeyStep, describeDpopProofSteps } from './describe-dpop-steps.js';

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const proof = `${segment({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: 'X', y: 'Y' } })}.${segment({ htm: 'POST', htu: 'http://localhost:4000/token', iat: 1, jti: 'j' })}.sig`;

describe('DPoP flow-log steps', () => {
  it('shows each proof decoded: header with the public jwk, then the claims; a retry is named', () => {
    const steps = describeDpopProofSteps(
      [
        { method: 'POST', url: 'http://localhost:4000/token', proof },
        { method: 'POST', url: 'http://localhost:4000/token', proof },
      ],
      'token request',
    );
    expect(steps.map((s) => s.kind)).toEqual(['dpop-proof', 'dpop-proof']);
    expect(steps[0]?.title).toBe('DPoP proof for POST http://localhost:4000/token (token request)');
    expect(steps[1]?.title).toMatch(/retried with the server nonce\)$/);
    const [header, claims] = steps[0]?.fields ?? [];
    expect(header).toMatchObject({ label: 'header', sensitivity: 'plain' });
    expect(JSON.parse(header?.value ?? '')).toMatchObject({ typ: 'dpop+jwt', jwk: { kty: 'EC' } });
    expect(JSON.parse(claims?.value ?? '')).toMatchObject({ htm: 'POST', jti: 'j' });
    expect(steps[0]?.explanation).toMatch(/cannot sign one/);
  });

  it('says so when a proof is not a JWS', () => {
    const [step] = describeDpopProofSteps([{ method: 'GET', url: 'u', proof: 'nope' }], 'x');
    expect(step?.fields).toEqual([
      { label: 'proof', value: 'not a JWS compact serialisation', sensitivity: 'plain' },
    ]);
  });

  it('names the key by thumbprint, where it is kept, and that it cannot be read out', () => {
    const created = describeDpopKeyStep({ thumbprint: 'jkt-1', created: true, home: 'IndexedDB' });
    expect(created.kind).toBe('dpop-key');
    expect(created.fields.map((f) => [f.label, f.value])).toEqual([
      ['alg', 'ES256 (ECDSA P-256)'],
      ['jkt (RFC 7638 thumbprint)', 'jkt-1'],
      ['kept in', 'IndexedDB'],
      ['private key extractable', 'no'],
      ['this session', 'new key generated'],
    ]);
    expect(created.explanation).toMatch(/copied access or refresh token is useless without it/);
    const reused = describeDpopKeyStep({ thumbprint: 'jkt-1', created: false, home: 'IndexedDB' });
    expect(reused.fields[4]?.value).toMatch(/reused/);
  });
});

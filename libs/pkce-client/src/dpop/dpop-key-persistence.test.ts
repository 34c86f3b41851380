import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { generateDpopKeyPair } from './generate-dpop-key-pair.js';
import { createIndexedDbDpopKeyStore } from './indexeddb-dpop-key-store.js';
import { loadOrCreateDpopKeyPair } from './load-or-create-dpop-key-pair.js';

const data = new TextEncoder().encode('proof input');
const ecdsa = { name: 'ECDSA', hash: 'SHA-256' } as const;

describe('DPoP key per install (web: IndexedDB)', () => {
  it('creates a non-extractable ES256 key once and returns the same key after a reload', async () => {
    const indexedDB = new IDBFactory(); // one browser profile
    const first = await loadOrCreateDpopKeyPair(createIndexedDbDpopKeyStore(indexedDB));
    expect(first.created).toBe(true);
    expect(first.keyPair.privateKey.extractable).toBe(false);
    expect(first.keyPair.privateKey.algorithm).toMatchObject({
      name: 'ECDSA',
      namedCurve: 'P-256',
    });
    await expect(crypto.subtle.exportKey('jwk', first.keyPair.privateKey)).rejects.toThrow();

    // a reload: new store object over the same database
    const generate = vi.fn(generateDpopKeyPair);
    const again = await loadOrCreateDpopKeyPair(createIndexedDbDpopKeyStore(indexedDB), generate);
    expect(again.created).toBe(false);
    expect(generate).not.toHaveBeenCalled();
    expect(again.keyPair.privateKey.extractable).toBe(false);
    expect(await crypto.subtle.exportKey('jwk', again.keyPair.publicKey)).toEqual(
      await crypto.subtle.exportKey('jwk', first.keyPair.publicKey),
    );
    // the reloaded private key signs what the original public key verifies
    const signature = await crypto.subtle.sign(ecdsa, again.keyPair.privateKey, data);
    expect(await crypto.subtle.verify(ecdsa, first.keyPair.publicKey, signature, data)).toBe(true);
  });

  it('another browser profile gets another key', async () => {
    const a = await loadOrCreateDpopKeyPair(createIndexedDbDpopKeyStore(new IDBFactory()));
    const b = await loadOrCreateDpopKeyPair(createIndexedDbDpopKeyStore(new IDBFactory()));
    expect(await crypto.subtle.exportKey('jwk', a.keyPair.publicKey)).not.toEqual(
      await crypto.subtle.exportKey('jwk', b.keyPair.publicKey),
    );
    expect(createIndexedDbDpopKeyStore(new IDBFactory()).description).toMatch(/non-extractable/);
  });

  it('surfaces an IndexedDB failure instead of silently making a new key', async () => {
    const failing = {
      open: () => {
        const request = {
          result: undefined,
          error: new Error('quota'),
          onsuccess: null,
          onerror: null,
          onupgradeneeded: null,
        } as {
          onerror: (() => void) | null;
        };
        queueMicrotask(() => request.onerror?.());
        return request;
      },
    } as unknown as InstanceType<typeof IDBFactory>;
    await expect(loadOrCreateDpopKeyPair(createIndexedDbDpopKeyStore(failing))).rejects.toThrow(
      'quota',
    );
  });
});

/** The notes resource on SQLite and PostgreSQL: CRUD, ownership, pagination, bad input. */
import { describeEachDatabase } from '@oauth-ref/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './testing/start-test-api.js';

describeEachDatabase('notes API', (database) => {
  let api: TestApi;
  let alice: string;
  let bob: string;
  let otherIssuerAlice: string;

  beforeAll(async () => {
    api = await startTestApi({ database: database() });
    alice = await api.issuer.issueAccessToken();
    bob = await api.issuer.issueAccessToken({ claims: { sub: 'bob' } });
    otherIssuerAlice = await api.issuer.issueAccessToken({
      claims: { sub: 'alice', client_id: 'oauth-ref-mobile' },
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  const json = (body: unknown) => ({
    'content-type': 'application/json',
    body: JSON.stringify(body),
  });
  const post = (token: string, body: unknown) =>
    api.fetch('/notes', {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('creates, reads, updates and deletes a note', async () => {
    const created = await post(alice, { title: '  Groceries ', body: 'milk' });
    expect(created.status).toBe(201);
    const note = (await created.json()) as { id: string; title: string; body: string };
    expect(note).toMatchObject({ title: 'Groceries', body: 'milk' });

    const read = await api.fetch(`/notes/${note.id}`, { token: alice });
    expect(await read.json()).toMatchObject({ id: note.id, title: 'Groceries' });

    const patched = await api.fetch(`/notes/${note.id}`, {
      method: 'PATCH',
      token: alice,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'oat milk' }),
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ title: 'Groceries', body: 'oat milk' });

    const deleted = await api.fetch(`/notes/${note.id}`, { method: 'DELETE', token: alice });
    expect(deleted.status).toBe(204);
    expect((await api.fetch(`/notes/${note.id}`, { token: alice })).status).toBe(404);
  });

  it("never shows or changes another user's note: 404, the same as a missing one", async () => {
    const note = (await (await post(alice, { title: 'private' })).json()) as { id: string };
    for (const token of [bob]) {
      expect((await api.fetch(`/notes/${note.id}`, { token })).status).toBe(404);
      const patch = await api.fetch(`/notes/${note.id}`, {
        method: 'PATCH',
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'mine now' }),
      });
      expect(patch.status).toBe(404);
      expect(await patch.json()).toEqual({
        error: 'not_found',
        error_description: 'Note not found',
      });
      expect((await api.fetch(`/notes/${note.id}`, { method: 'DELETE', token })).status).toBe(404);
    }
    const list = (await (await api.fetch('/notes', { token: bob })).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
    // same user through another client: same (iss, sub), same notes
    expect((await api.fetch(`/notes/${note.id}`, { token: otherIssuerAlice })).status).toBe(200);
  });

  it('pages the list newest first with a cursor', async () => {
    const carol = await api.issuer.issueAccessToken({ claims: { sub: 'carol' } });
    for (let index = 0; index < 5; index += 1) await post(carol, { title: `note ${index}` });
    const first = (await (await api.fetch('/notes?limit=2', { token: carol })).json()) as {
      items: { title: string }[];
      nextCursor: string | null;
    };
    expect(first.items.map((item) => item.title)).toEqual(['note 4', 'note 3']);
    const second = (await (
      await api.fetch(`/notes?limit=2&cursor=${first.nextCursor}`, { token: carol })
    ).json()) as typeof first;
    expect(second.items.map((item) => item.title)).toEqual(['note 2', 'note 1']);
    const third = (await (
      await api.fetch(`/notes?limit=2&cursor=${second.nextCursor}`, { token: carol })
    ).json()) as typeof first;
    expect(third.items.map((item) => item.title)).toEqual(['note 0']);
    expect(third.nextCursor).toBeNull();
  });

  it('refuses bad pagination parameters with 400', async () => {
    for (const query of [
      'limit=0',
      'limit=101',
      'limit=abc',
      'cursor=%24%24',
      'cursor=Zm9v',
      'extra=1',
    ]) {
      const response = await api.fetch(`/notes?${query}`, { token: alice });
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toMatchObject({ error: 'invalid_request' });
    }
  });

  it('refuses unknown fields, wrong types and over-long values with 400 and the field path', async () => {
    const cases: [unknown, string][] = [
      [{ title: 'x', owner: 'bob' }, '(body)'],
      [{ title: 42 }, 'title'],
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ title: 'x', body: 'y'.repeat(10_001) }, 'body'],
      [[{ title: 'x' }], '(body)'],
      ['just a string', '(body)'],
    ];
    for (const [body, path] of cases) {
      const response = await post(alice, body);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      const error = (await response.json()) as { error: string; details: { path: string }[] };
      expect(error.error).toBe('invalid_request');
      expect(error.details[0]?.path).toBe(path);
    }
  });

  it('refuses malformed JSON with 400, an oversized body with 413 and a non-JSON body with 415, as JSON', async () => {
    const malformed = await api.fetch('/notes', {
      method: 'POST',
      token: alice,
      headers: { 'content-type': 'application/json' },
      body: '{"title":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'invalid_request' });

    const huge = await post(alice, { title: 'x', body: 'y'.repeat(20_000) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: 'payload_too_large' });

    const text = await api.fetch('/notes', {
      method: 'POST',
      token: alice,
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ error: 'unsupported_media_type' });

    const empty = await api.fetch('/notes', {
      method: 'POST',
      token: alice,
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(400);
  });

  it('takes JSON only on writes: form, text and untyped bodies are 415 with a clear JSON error', async () => {
    const form = await api.fetch('/notes', {
      method: 'POST',
      token: alice,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=hello',
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toEqual({
      error: 'unsupported_media_type',
      error_description: 'Write requests must send a JSON body with Content-Type: application/json',
      code: 'content_type_not_json',
    });
    const note = (await (await post(alice, { title: 'json only' })).json()) as { id: string };
    for (const [method, contentType] of [
      ['PATCH', 'text/plain'],
      ['PUT', 'multipart/form-data; boundary=x'],
      ['PATCH', undefined],
    ] as const) {
      const response = await api.fetch(`/notes/${note.id}`, {
        method,
        token: alice,
        headers: contentType === undefined ? {} : { 'content-type': contentType },
        body: 'title=changed',
      });
      expect(response.status, `${method} ${String(contentType)}`).toBe(415);
    }
    const unchanged = (await (await api.fetch(`/notes/${note.id}`, { token: alice })).json()) as {
      title: string;
    };
    expect(unchanged.title).toBe('json only');
    const typed = await api.fetch(`/notes/${note.id}`, {
      method: 'PATCH',
      token: alice,
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      body: JSON.stringify({ title: 'changed' }),
    });
    expect(typed.status).toBe(200);
  });

  it('answers bad ids and unknown routes with 404 JSON', async () => {
    for (const path of [
      '/notes/not-a-uuid',
      '/notes/00000000-0000-0000-0000-000000000000',
      '/notes/%00',
    ]) {
      const response = await api.fetch(path, { token: alice });
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'not_found' });
    }
    const unknown = await api.fetch('/nope');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'not_found' });
  });

  it('requires notes:write to change and notes:read to list', async () => {
    const readOnly = await api.issuer.issueAccessToken({ claims: { scope: 'openid notes:read' } });
    const refused = await post(readOnly, { title: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toContain('scope="notes:write"');
    const writeOnly = await api.issuer.issueAccessToken({ claims: { scope: 'notes:write' } });
    expect((await api.fetch('/notes', { token: writeOnly })).status).toBe(403);
  });

  it('counts notes for the machine endpoint without exposing content', async () => {
    const response = await api.fetch('/stats', { token: await api.issuer.issueMachineToken() });
    const stats = (await response.json()) as Record<string, number>;
    expect(Object.keys(stats).sort()).toEqual(['notes', 'notesCreatedLast24Hours', 'owners']);
    expect(stats['notes']).toBeGreaterThanOrEqual(6);
    expect(stats['owners']).toBe(2);
  });

  void json;
});

import { describe, expect, it, vi } from 'vitest';
import { createWebUserAgent } from './web-user-agent.js';

function fakeWindow() {
  return {
    location: { assign: vi.fn() },
    history: { replaceState: vi.fn() },
  } as unknown as Window & {
    location: { assign: ReturnType<typeof vi.fn> };
    history: { replaceState: ReturnType<typeof vi.fn> };
  };
}

describe('web user agent', () => {
  it('navigates the whole page to the provider (no popup) and reports that it is redirecting', async () => {
    const win = fakeWindow();
    const agent = createWebUserAgent(win);
    const url = new URL('http://localhost:4000/auth?client_id=oauth-ref-mobile');
    await expect(agent.startAuthorization(url, 'http://localhost:8081/callback')).resolves.toEqual({
      type: 'redirecting',
    });
    expect(win.location.assign).toHaveBeenCalledWith(url.href);
  });

  it('sends the page to the end-session endpoint on logout', async () => {
    const win = fakeWindow();
    const agent = createWebUserAgent(win);
    expect(agent.supportsEndSession).toBe(true);
    await agent.endSession(new URL('http://localhost:4000/session/end?client_id=x'));
    expect(win.location.assign).toHaveBeenCalledWith(
      'http://localhost:4000/session/end?client_id=x',
    );
  });

  it('replaces /callback?code=… in the address bar and history with /', () => {
    const win = fakeWindow();
    createWebUserAgent(win).forgetCallbackUrl();
    expect(win.history.replaceState).toHaveBeenCalledWith(null, '', '/');
  });
});

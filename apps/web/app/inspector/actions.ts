'use server';

import { redirect } from 'next/navigation';
import { requireUser } from '../../src/server/current-user';
import { expireStoredAccessToken } from '../../src/server/expire-access-token';
import { runNotes } from '../../src/server/notes-service';

/** Marks the stored access token expired; the next API call refreshes it (watch the diagram). */
export async function expireAccessTokenAction(): Promise<void> {
  const user = await requireUser('/inspector');
  if (!user.accountId) redirect('/session-expired');
  const expired = await expireStoredAccessToken(user.userId, user.accountId);
  redirect(`/inspector?notice=${expired ? 'expired' : 'no-token'}#actions`);
}

/** Calls the notes API once (GET /notes) so its request, and any refresh, join the diagram. */
export async function callApiAction(): Promise<void> {
  const user = await requireUser('/inspector');
  const result = await runNotes(user, (api) => api.list());
  redirect(`/inspector?notice=${result.ok ? 'called' : `api-${result.code}`}#actions`);
}

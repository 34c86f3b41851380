import type { NextRequest } from 'next/server';
import { config } from '../../../src/config/config';
import { getPrisma } from '../../../src/db/prisma';
import { handleLogout } from '../../../src/auth/logout/handle-logout';

export async function POST(request: NextRequest) {
  return handleLogout(request, config, await getPrisma());
}

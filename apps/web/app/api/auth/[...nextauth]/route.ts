import type { NextRequest } from 'next/server';
import { config } from '../../../../src/config/config';
import { getPrisma } from '../../../../src/db/prisma';
import { handleAuthRequest, type RouteContext } from '../../../../src/auth/handle-auth-request';

const handler = async (request: NextRequest, context: RouteContext) =>
  handleAuthRequest(request, context, config, await getPrisma());

export { handler as GET, handler as POST };

import { readLinkedSource } from '../../../../src/lab/source-links';

/** A file the lab links to, as plain text; 404 for every other path. */
export async function GET(
  _request: Request,
  context: { params: Promise<{ path: string[] }> },
): Promise<Response> {
  const path = (await context.params).path.join('/');
  const text = await readLinkedSource(path);
  if (text === undefined)
    return new Response('Not a file the attack lab links to.\n', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  return new Response(text, {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}

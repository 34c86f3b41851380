/**
 * Keyset pagination: the cursor is the (createdAt, id) of the last note on a page, base64url
 * encoded. It never refers to a row by itself, so a cursor cannot reveal another user's note.
 */
import { BadRequestException } from '@nestjs/common';

export interface NoteCursor {
  readonly createdAt: Date;
  readonly id: string;
}

/** Encodes the position after `note`. */
export function encodeNoteCursor(note: NoteCursor): string {
  return Buffer.from(`${note.createdAt.toISOString()}|${note.id}`).toString('base64url');
}

/** Decodes a cursor; a malformed one is 400 invalid_request. */
export function decodeNoteCursor(cursor: string): NoteCursor {
  const [iso, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (
    id === undefined ||
    extra !== undefined ||
    Number.isNaN(createdAt.getTime()) ||
    id.length === 0
  ) {
    throw new BadRequestException({
      error: 'invalid_request',
      error_description: 'cursor is not a cursor this API issued',
    });
  }
  return { createdAt, id };
}

/** OpenAPI schemas derived from the zod input schemas (one source of truth) and the views. */
import { z } from 'zod';
import { createNoteSchema, updateNoteSchema } from '../notes/note-schemas.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

export const CREATE_NOTE_SCHEMA = toSchema(createNoteSchema);
export const UPDATE_NOTE_SCHEMA = toSchema(updateNoteSchema);

export const NOTE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id', 'title', 'body', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    title: { type: 'string' },
    body: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

export const NOTE_PAGE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: NOTE_SCHEMA },
    nextCursor: { type: ['string', 'null'] },
  },
};

export const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error', 'error_description'],
  properties: {
    error: { type: 'string', examples: ['invalid_token'] },
    error_description: { type: 'string' },
    code: {
      type: 'string',
      description: 'Stable reason code, e.g. token_expired, scope_insufficient',
    },
    details: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

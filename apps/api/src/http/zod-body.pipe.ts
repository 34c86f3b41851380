/**
 * Validates a request body or query with a zod schema; failures are 400 `invalid_request` with
 * the path and rule of each problem (never the value, which may be large or sensitive).
 */
import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/**
 * A pipe for `@Body(new ZodPipe(schema))` / `@Query(new ZodPipe(schema))`.
 *
 * @example
 * create(\@Body(new ZodPipe(createNoteSchema)) input: CreateNoteInput) { ... }
 */
export class ZodPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): z.output<Schema> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw new BadRequestException({
      error: 'invalid_request',
      error_description: 'The request failed validation',
      details: result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(body)',
        message: issue.message,
      })),
    });
  }
}

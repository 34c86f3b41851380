/**
 * Notes persistence. Every query is scoped by the owner (iss, sub): there is no method that can
 * read or change a note without naming its owner.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@oauth-ref/db';
import { PRISMA } from '../database/prisma.provider.js';
import type { NoteCursor } from './note-cursor.js';

export interface NoteOwner {
  readonly issuer: string;
  readonly subject: string;
}

export interface NoteRecord {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface NoteStats {
  readonly notes: number;
  readonly owners: number;
  readonly notesCreatedLast24Hours: number;
}

const SELECT = { id: true, title: true, body: true, createdAt: true, updatedAt: true } as const;

@Injectable()
export class NotesRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  private static owned(owner: NoteOwner) {
    return { ownerIss: owner.issuer, ownerSub: owner.subject };
  }

  /** Newest first; `limit + 1` rows so the caller knows whether a next page exists. */
  list(owner: NoteOwner, limit: number, after?: NoteCursor): Promise<NoteRecord[]> {
    return this.prisma.note.findMany({
      where: {
        ...NotesRepository.owned(owner),
        ...(after
          ? {
              OR: [
                { createdAt: { lt: after.createdAt } },
                { createdAt: after.createdAt, id: { lt: after.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      select: SELECT,
    });
  }

  find(owner: NoteOwner, id: string): Promise<NoteRecord | null> {
    return this.prisma.note.findFirst({
      where: { id, ...NotesRepository.owned(owner) },
      select: SELECT,
    });
  }

  create(owner: NoteOwner, input: { title: string; body: string }): Promise<NoteRecord> {
    return this.prisma.note.create({
      data: { ...NotesRepository.owned(owner), ...input },
      select: SELECT,
    });
  }

  /** Updates the note if it belongs to `owner`; null when it does not exist for them. */
  async update(
    owner: NoteOwner,
    id: string,
    input: { title?: string; body?: string },
  ): Promise<NoteRecord | null> {
    const { count } = await this.prisma.note.updateMany({
      where: { id, ...NotesRepository.owned(owner) },
      data: input,
    });
    return count === 0 ? null : this.find(owner, id);
  }

  /** Deletes the note if it belongs to `owner`; false when it does not exist for them. */
  async delete(owner: NoteOwner, id: string): Promise<boolean> {
    const { count } = await this.prisma.note.deleteMany({
      where: { id, ...NotesRepository.owned(owner) },
    });
    return count > 0;
  }

  /** Aggregate figures across all owners (machine endpoint); no note content. */
  async stats(now: Date): Promise<NoteStats> {
    const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
    const [notes, owners, recent] = await Promise.all([
      this.prisma.note.count(),
      this.prisma.note.groupBy({ by: ['ownerIss', 'ownerSub'] }),
      this.prisma.note.count({ where: { createdAt: { gte: since } } }),
    ]);
    return { notes, owners: owners.length, notesCreatedLast24Hours: recent };
  }

  /** Readiness: the database answers. */
  async ping(): Promise<void> {
    await this.prisma.$queryRawUnsafe('SELECT 1');
  }
}

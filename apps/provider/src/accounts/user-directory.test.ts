import { describeEachDatabase } from '@oauth-ref/db/testing';
import { afterEach, expect, it } from 'vitest';
import { bumpSharedVersion, USER_VERSION } from '../persistence/shared-version.js';
import { createUserDirectory, type UserDirectory } from './user-directory.js';
import { deleteUser, upsertUser } from './user-store.js';

describeEachDatabase('the user directory', (db) => {
  const opened: UserDirectory[] = [];
  afterEach(() => opened.splice(0).forEach((directory) => directory.stop()));

  async function directory() {
    const created = await createUserDirectory(db().prisma, {
      checkIntervalMs: 60_000,
      onError: () => undefined,
    });
    opened.push(created);
    return created;
  }

  const newUser = (username: string) => ({
    username,
    password: 'a-password-of-some-length',
    email: `${username}@example.com`,
    name: username,
  });

  it('serves a user by sub from memory until another instance changes the user table', async () => {
    const users = await directory();
    const { id } = await upsertUser(db().prisma, newUser('cached-carol'));
    expect((await users.findById(id))?.username).toBe('cached-carol');
    // Another instance deletes the row and bumps the version: this one still has its copy
    // until its next version check, then never again.
    await db().prisma.$transaction([
      db().prisma.providerUser.deleteMany({ where: { id } }),
      bumpSharedVersion(db().prisma, USER_VERSION),
    ]);
    expect((await users.findById(id))?.username).toBe('cached-carol');
    await users.checkVersion();
    expect(await users.findById(id)).toBeUndefined();
  });

  it('forgets a user at once when this process deletes it', async () => {
    const users = await directory();
    const { id } = await upsertUser(db().prisma, newUser('deleted-dave'));
    expect(await users.findById(id)).toBeDefined();
    expect(await deleteUser(db().prisma, id)).toBe(true);
    expect(await users.findById(id)).toBeUndefined();
  });

  it('serves a user by username from memory until another instance changes the user table', async () => {
    const users = await directory();
    const { id } = await upsertUser(db().prisma, newUser('renamed-rita'));
    expect((await users.findByUsername('renamed-rita'))?.name).toBe('renamed-rita');
    // Another instance changes the password hash and bumps the version.
    await db().prisma.$transaction([
      db().prisma.providerUser.update({ where: { id }, data: { passwordHash: 'changed' } }),
      bumpSharedVersion(db().prisma, USER_VERSION),
    ]);
    expect((await users.findByUsername('renamed-rita'))?.passwordHash).not.toBe('changed');
    await users.checkVersion();
    expect((await users.findByUsername('renamed-rita'))?.passwordHash).toBe('changed');
    // The row read by username also answers the engine's reads by sub.
    await db().prisma.providerUser.update({ where: { id }, data: { name: 'not seen' } });
    expect((await users.findById(id))?.name).toBe('renamed-rita');
  });

  it('reads a username that matches nobody from the database every time', async () => {
    const users = await directory();
    expect(await users.findByUsername('late-larry')).toBeUndefined();
    // Created without a version change: a cached miss would hide this user.
    await db().prisma.providerUser.create({
      data: {
        id: 'late-larry-id',
        username: 'late-larry',
        email: 'late-larry@example.com',
        name: 'late-larry',
        passwordHash: 'h',
      },
    });
    expect((await users.findByUsername('late-larry'))?.id).toBe('late-larry-id');
  });
});

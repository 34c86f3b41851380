-- DropIndex
DROP INDEX "Note_ownerIss_ownerSub_createdAt_idx";

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateTable
CREATE TABLE "SeenOnce" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "RateLimiterFlexible_expire_idx" ON "RateLimiterFlexible"("expire");

-- CreateIndex
CREATE INDEX "SeenOnce_expiresAt_idx" ON "SeenOnce"("expiresAt");

-- CreateIndex
CREATE INDEX "Note_ownerIss_ownerSub_createdAt_id_idx" ON "Note"("ownerIss", "ownerSub", "createdAt", "id");

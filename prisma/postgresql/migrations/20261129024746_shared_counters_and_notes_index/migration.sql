-- DropIndex
DROP INDEX "Note_ownerIss_ownerSub_createdAt_idx";

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SeenOnce" (
    "key" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SeenOnce_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimiterFlexible_expire_idx" ON "RateLimiterFlexible"("expire");

-- CreateIndex
CREATE INDEX "SeenOnce_expiresAt_idx" ON "SeenOnce"("expiresAt");

-- CreateIndex
CREATE INDEX "Note_ownerIss_ownerSub_createdAt_id_idx" ON "Note"("ownerIss", "ownerSub", "createdAt", "id");

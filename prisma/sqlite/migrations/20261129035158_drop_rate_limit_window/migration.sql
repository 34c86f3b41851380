-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "RateLimitWindow";
PRAGMA foreign_keys=on;

-- DropTable
DROP TABLE "RateLimitWindow";

-- rate-limiter-flexible's RateLimiterPostgres: failed sign-ins counted for every node at once
-- (lib/auth/sign-in-limiter.ts). Keys carry the limiter's prefix (per user, per address).
CREATE TABLE IF NOT EXISTS signin_limits (
    key     varchar(255) PRIMARY KEY,
    points  integer NOT NULL DEFAULT 0,
    expire  bigint
);

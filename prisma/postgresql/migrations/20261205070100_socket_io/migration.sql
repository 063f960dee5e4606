-- @socket.io/postgres-adapter: packets too large for NOTIFY go through this table (not a Prisma model).
CREATE TABLE IF NOT EXISTS socket_io_attachments (
    id          bigserial UNIQUE,
    created_at  timestamptz DEFAULT NOW(),
    payload     bytea
);

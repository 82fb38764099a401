--liquibase formatted sql

--changeset position-manager:scheduler-locks
-- ShedLock's table: scheduled work of either side runs once per cluster, not once per instance.
-- (IF NOT EXISTS: databases created before this file have it from the command side's first changelog.)
CREATE TABLE IF NOT EXISTS shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
);

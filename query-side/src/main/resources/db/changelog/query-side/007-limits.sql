--liquibase formatted sql

-- The limit evaluator's state (query.limits.LimitEvaluator, processor limit-events; written in the transaction that
-- moves its token, so that a crossing is published once). Not a read model: a replay of the read models leaves it as
-- it is, and rebuilding it must publish nothing again.
--   limit_positions: what each position's per-position limits are measured on, as its last event left it (the
--     figures the features are computed from); the total exposure is their sum.
--   limits_exceeded: one row per limit exceeded now; position_key '' for a limit of the whole portfolio.
-- Decimals as the read models hold them (NUMERIC(38,18)).

--changeset position-manager:query-limits
CREATE TABLE limit_positions (
    position_key       VARCHAR(64)    NOT NULL PRIMARY KEY,
    asset              VARCHAR(30)    NOT NULL,
    mode               VARCHAR(10)    NOT NULL,
    size               NUMERIC(38,18) NOT NULL,
    current_price      NUMERIC(38,18),
    unrealized_pnl     NUMERIC(38,18),
    entry_notional     NUMERIC(38,18) NOT NULL
);
CREATE TABLE limits_exceeded (
    limit_name         VARCHAR(40)    NOT NULL,
    position_key       VARCHAR(64)    NOT NULL,
    PRIMARY KEY (limit_name, position_key)
);

--liquibase formatted sql

--changeset position-manager:command-open-position-prices
-- When the exchange quoted the open position's latest mark price (null before any): the price check asks the
-- exchange's REST API for the positions whose price is older than the staleness threshold.
ALTER TABLE command_open_positions ADD COLUMN price_at TIMESTAMPTZ;

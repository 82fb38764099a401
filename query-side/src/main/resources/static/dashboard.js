"use strict";
// The dashboard polls the REST API. Every number is the API's JSON string (decimals are strings there), printed
// as it is except for one rule: more than 8 fraction digits are cut to 8 and marked with "…" (the full string is
// in the cell's tooltip). Floats are used only to place points and bars, never to print a figure.

const POLL_MILLIS = 1500;
const KEY_STORAGE = "position-manager.api-key";
const HISTORY_WINDOW_MINUTES = 30;
const HISTORY_PAGE = 1000;
const HISTORY_MAX_PAGES = 10;
const HISTORY_KEPT = 3000;
const HISTORY_ROWS_SHOWN = 50;
// a hedge position with both legs open has no average entry (null): its legs' entries are beside it
const POSITION_FIELDS = ["size", "average_entry_price", "long_entry_price", "short_entry_price", "current_price",
    "unrealized_pnl", "realized_pnl", "exchange_size", "exchange_seq", "unrealized_pnl_pct", "time_held_minutes",
    "position_size_norm", "break_even_price", "leverage", "liq_price", "liquidation_distance_pct"];
const PNL_FIELDS = new Set(["unrealized_pnl", "realized_pnl", "unrealized_pnl_pct"]);
const LEG_FIELDS = new Set(["long_entry_price", "short_entry_price"]);
const AGED_SHOWN = 50;
const EMPTY = "—";
const SHOWN_FRACTION_DIGITS = 8;

const state = {
    apiKey: null,
    polls: 0,
    selected: null, // {asset, mode}
    aged: null,     // {entries, message}
    history: null,  // {key, entries, cursor, message}
};

const $ = (id) => document.getElementById(id);

class ApiError extends Error {
    constructor(status, detail) {
        super(detail);
        this.status = status;
    }
}

async function api(path) {
    const response = await fetch(path, {headers: {"X-API-Key": state.apiKey, "Accept": "application/json"}});
    if (!response.ok) {
        let detail = response.statusText;
        try {
            const problem = await response.json();
            detail = problem.detail || problem.title || detail;
        } catch (ignored) {
            // not problem+json: keep the status text
        }
        throw new ApiError(response.status, detail);
    }
    return response.json();
}

// ---- API key: from the start-up link (#api-key=...) once, then from localStorage ----

function takeKeyFromLink() {
    const match = /(?:^#|&)api-key=([^&]+)/.exec(location.hash);
    if (match) {
        localStorage.setItem(KEY_STORAGE, decodeURIComponent(match[1]));
        history.replaceState(null, "", location.pathname + location.search);
    }
    state.apiKey = localStorage.getItem(KEY_STORAGE);
}

function askForKey(message) {
    $("key-message").textContent = message || "";
    $("key-form").hidden = false;
    $("key-input").focus();
}

$("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.apiKey = $("key-input").value.trim();
    localStorage.setItem(KEY_STORAGE, state.apiKey);
    $("key-form").hidden = true;
    poll();
});
$("change-key").addEventListener("click", () => askForKey("The key is kept in this browser's local storage."));

// ---- rendering helpers ----

function text(value) {
    return value === null || value === undefined ? EMPTY : String(value);
}

function figure(value) {
    const full = text(value);
    const match = /^(-?\d+\.\d{8})\d+$/.exec(full);
    return match ? `${match[1]}…` : full;
}

function signClass(value) {
    const shown = text(value);
    if (shown === EMPTY || /^-?0(\.0*)?$/.test(shown)) {
        return "";
    }
    return shown.startsWith("-") ? "neg" : "pos";
}

function cell(row, value, options = {}) {
    const td = document.createElement("td");
    td.textContent = options.numeric ? figure(value) : text(value);
    if (options.numeric) {
        td.className = "r";
        if (figure(value) !== text(value)) td.title = text(value);
    }
    if (options.pnl) td.classList.add(...[signClass(value)].filter(Boolean));
    if (options.testId) td.dataset.testid = options.testId;
    if (options.title) td.title = options.title;
    row.appendChild(td);
    return td;
}

function setNumber(testId, value, pnl) {
    const element = document.querySelector(`[data-testid="${testId}"]`);
    element.textContent = figure(value);
    element.title = figure(value) !== text(value) ? text(value) : "";
    if (pnl) {
        element.classList.remove("pos", "neg");
        const sign = signClass(value);
        if (sign) element.classList.add(sign);
    }
}

const positionKey = (position) => `${position.asset}-${position.mode}`;

// ---- panels ----

function renderTotals(portfolio, pnl) {
    setNumber("portfolio-total-exposure", portfolio.total_exposure_usdt);
    setNumber("portfolio-unrealized-pnl", pnl.total_unrealized_pnl_usdt, true);
    setNumber("portfolio-realized-pnl", pnl.total_realized_pnl_usdt, true);
    setNumber("portfolio-total-pnl", pnl.total_pnl_usdt, true);
    setNumber("portfolio-net-exposure", portfolio.net_exposure_usdt);
    setNumber("portfolio-open-count", portfolio.open_positions_count);
    setNumber("portfolio-long-count", portfolio.long_positions_count);
    setNumber("portfolio-short-count", portfolio.short_positions_count);
    setNumber("portfolio-stale-prices", portfolio.stale_prices_count);
}

function renderPositions(positions) {
    const body = $("positions-body");
    const rows = positions.map((position) => {
        const key = positionKey(position);
        const row = document.createElement("tr");
        row.dataset.testid = `row-${key}`;
        if (state.selected && positionKey(state.selected) === key) row.classList.add("selected");
        if (position.closed_at) row.classList.add("closed");
        cell(row, position.asset);
        cell(row, position.mode);
        for (const field of POSITION_FIELDS) {
            const td = cell(row, position[field],
                {numeric: true, pnl: PNL_FIELDS.has(field), testId: `position-${key}-${field}`});
            if (LEG_FIELDS.has(field)) td.classList.add("leg");
        }
        const source = cell(row, position.price_source, {testId: `position-${key}-price_source`});
        if (position.price_stale) {
            source.classList.add("stale");
            source.title = `stale: quoted ${text(position.price_updated_at)}`;
        }
        row.addEventListener("click", () => select(position));
        return row;
    });
    body.replaceChildren(...rows);
    // the legs' columns take room only when a hedge position is there to fill them
    $("positions-table").classList.toggle("no-hedge", !positions.some((position) => position.mode === "hedge"));
    $("positions-empty").hidden = positions.length > 0;
}

function renderExposure(portfolio) {
    const assets = Object.entries(portfolio.by_asset || {});
    const largest = Math.max(0, ...assets.map(([, totals]) => Math.abs(parseFloat(totals.exposure_usdt) || 0)));
    const bars = assets.map(([asset, totals]) => {
        const row = document.createElement("div");
        row.className = "bar-row";
        const name = document.createElement("span");
        name.className = "asset";
        name.textContent = asset;
        const track = document.createElement("div");
        track.className = "bar-track";
        const fill = document.createElement("div");
        fill.className = "bar-fill";
        const share = largest > 0 ? Math.abs(parseFloat(totals.exposure_usdt)) / largest : 0;
        fill.style.width = `${(share * 100).toFixed(1)}%`;
        track.appendChild(fill);
        const amount = document.createElement("span");
        amount.className = "num";
        amount.dataset.testid = `exposure-${asset}`;
        amount.textContent = figure(totals.exposure_usdt);
        row.append(name, amount, track);
        return row;
    });
    if (bars.length === 0) {
        const none = document.createElement("p");
        none.className = "muted";
        none.textContent = "No open positions.";
        bars.push(none);
    }
    $("exposure-bars").replaceChildren(...bars);
}

// ---- aged positions ----

const LEGS = {0: "one-way", 1: "long", 2: "short"};

// "3d 04h", "2h 05m", "4m 09s": the time since the entry entered its phase, by this page's clock
function duration(since) {
    const started = Date.parse(since);
    if (Number.isNaN(started)) return EMPTY;
    const seconds = Math.max(0, Math.floor((Date.now() - started) / 1000));
    const pad = (value) => String(value).padStart(2, "0");
    if (seconds >= 86400) return `${Math.floor(seconds / 86400)}d ${pad(Math.floor(seconds % 86400 / 3600))}h`;
    if (seconds >= 3600) return `${Math.floor(seconds / 3600)}h ${pad(Math.floor(seconds % 3600 / 60))}m`;
    return `${Math.floor(seconds / 60)}m ${pad(seconds % 60)}s`;
}

async function refreshAged() {
    try {
        const listed = await api(`/api/v1/aged-positions?limit=${AGED_SHOWN}`);
        state.aged = {entries: listed.aged_positions, message: null};
    } catch (error) {
        if (error.status === 401) throw error;
        state.aged = {entries: [], message: `The aged positions could not be read: ${error.message}`};
    }
}

function renderAged() {
    const aged = state.aged || {entries: [], message: null};
    $("aged-message").hidden = !aged.message;
    $("aged-message").textContent = aged.message || "";
    const rows = aged.entries.map((entry) => {
        const id = `aged-${entry.aged_id}`;
        const row = document.createElement("tr");
        row.dataset.testid = id;
        if (entry.status === "closed") row.classList.add("closed");
        if (entry.status === "error") row.classList.add("error");
        cell(row, entry.asset, {testId: `${id}-asset`});
        cell(row, entry.mode, {testId: `${id}-mode`});
        cell(row, LEGS[entry.position_idx] ?? entry.position_idx, {testId: `${id}-leg`});
        cell(row, entry.status, {testId: `${id}-status`});
        cell(row, entry.target_price, {numeric: true, testId: `${id}-target_price`});
        cell(row, entry.current_loss_tolerance_percent,
            {numeric: true, testId: `${id}-current_loss_tolerance_percent`});
        cell(row, duration(entry.status_since), {testId: `${id}-time_in_phase`, title: `since ${entry.status_since}`})
            .classList.add("r");
        cell(row, entry.close_attempts, {numeric: true, testId: `${id}-close_attempts`});
        cell(row, entry.close_reason, {testId: `${id}-close_reason`});
        cell(row, entry.detected_at);
        return row;
    });
    $("aged-body").replaceChildren(...rows);
    $("aged-empty").hidden = aged.entries.length > 0 || !!aged.message;
}

// ---- history (audit trail) of the selected position ----

function select(position) {
    state.selected = {asset: position.asset, mode: position.mode};
    localStorage.setItem("position-manager.selected", positionKey(position));
    state.history = null;
    poll();
}

function chooseDefaultSelection(positions) {
    if (state.selected && positions.some((p) => positionKey(p) === positionKey(state.selected))) return;
    const remembered = localStorage.getItem("position-manager.selected");
    const choice = positions.find((p) => positionKey(p) === remembered)
        || positions.find((p) => !p.closed_at) || positions[0];
    state.selected = choice ? {asset: choice.asset, mode: choice.mode} : null;
    state.history = null;
}

function historyPath(query) {
    const {asset, mode} = state.selected;
    return `/api/v1/positions/${encodeURIComponent(asset)}/history?mode=${encodeURIComponent(mode)}`
        + `&limit=${HISTORY_PAGE}&${query}`;
}

async function refreshHistory() {
    if (!state.selected) return;
    const key = positionKey(state.selected);
    if (!state.history || state.history.key !== key) {
        state.history = {key, entries: [], cursor: null, message: null};
    }
    const history = state.history;
    try {
        const since = new Date(Date.now() - HISTORY_WINDOW_MINUTES * 60000).toISOString();
        for (let page = 0; page < HISTORY_MAX_PAGES; page++) {
            const query = history.cursor ? `cursor=${encodeURIComponent(history.cursor)}`
                : `from=${encodeURIComponent(since)}`;
            const response = await api(historyPath(query));
            history.entries.push(...response.changes);
            if (response.next_cursor) history.cursor = response.next_cursor;
            if (!response.has_more) break;
        }
        history.entries.splice(0, Math.max(0, history.entries.length - HISTORY_KEPT));
        history.message = null;
    } catch (error) {
        if (error.status === 401) throw error;
        history.message = error.status === 404
            ? `The audit trail is not available from this server (GET …/history answered 404: ${error.message}).`
            : `The audit trail could not be read: ${error.message}`;
    }
}

function renderHistory() {
    $("history-title").textContent = state.selected ? `${state.selected.asset} (${state.selected.mode})` : EMPTY;
    const history = state.history;
    const message = $("history-message");
    message.hidden = !(history && history.message);
    message.textContent = history && history.message ? history.message : "";
    const entries = history ? history.entries : [];
    const rows = entries.slice(-HISTORY_ROWS_SHOWN).reverse().map((entry) => {
        const row = document.createElement("tr");
        const seq = entry.sequence_number;
        row.dataset.testid = `history-${seq}`;
        cell(row, entry.event_type, {testId: `history-${seq}-event_type`});
        cell(row, seq, {numeric: true});
        cell(row, entry.timestamp);
        cell(row, entry.source);
        cell(row, entry.trace_id, {title: entry.message_id ? `message ${entry.message_id}` : undefined});
        cell(row, `${figure(entry.before && entry.before.size)} → ${figure(entry.after && entry.after.size)}`,
            {numeric: true, testId: `history-${seq}-size`});
        cell(row, entry.after && entry.after.realized_pnl, {numeric: true, pnl: true});
        return row;
    });
    $("history-body").replaceChildren(...rows);
    const points = entries.filter((entry) => entry.after).map((entry) => ({
        time: Date.parse(entry.timestamp),
        size: parseFloat(entry.after.size),
        unrealized: parseFloat(entry.after.unrealized_pnl),
        realized: parseFloat(entry.after.realized_pnl),
    })).filter((point) => !Number.isNaN(point.time));
    drawChart($("size-chart"), points, [{field: "size", className: "size"}]);
    drawChart($("pnl-chart"), points, [
        {field: "unrealized", className: "unrealized"},
        {field: "realized", className: "realized"}]);
}

// ---- inline SVG step charts ----

const SVG = "http://www.w3.org/2000/svg";

function svgElement(name, attributes) {
    const element = document.createElementNS(SVG, name);
    for (const [attribute, value] of Object.entries(attributes)) element.setAttribute(attribute, value);
    return element;
}

function drawChart(svg, points, series) {
    const width = Math.max(200, svg.clientWidth || 600);
    const height = 180;
    const pad = {left: 64, right: 8, top: 10, bottom: 18};
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.removeAttribute("preserveAspectRatio");
    const children = [];
    const values = points.flatMap((point) => series.map((s) => point[s.field])).filter(Number.isFinite);
    if (points.length === 0 || values.length === 0) {
        children.push(svgElement("text", {x: width / 2, y: height / 2, "text-anchor": "middle"}));
        children[0].textContent = "no history yet";
        svg.replaceChildren(...children);
        return;
    }
    let low = Math.min(0, ...values);
    let high = Math.max(0, ...values);
    if (high === low) high = low + 1;
    const first = points[0].time;
    const last = Math.max(points[points.length - 1].time, first + 1);
    const x = (time) => pad.left + (time - first) / (last - first) * (width - pad.left - pad.right);
    const y = (value) => pad.top + (high - value) / (high - low) * (height - pad.top - pad.bottom);
    children.push(svgElement("line", {class: "zero", x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0)}));
    for (const [value, anchorY] of [[high, pad.top + 9], [low, height - pad.bottom]]) {
        const label = svgElement("text", {x: pad.left - 6, y: anchorY, "text-anchor": "end"});
        label.textContent = value.toPrecision(4);
        children.push(label);
    }
    const timeLabel = (time, anchor, at) => {
        const label = svgElement("text", {x: at, y: height - 4, "text-anchor": anchor});
        label.textContent = new Date(time).toISOString().substring(11, 19);
        children.push(label);
    };
    timeLabel(first, "start", pad.left);
    timeLabel(last, "end", width - pad.right);
    for (const s of series) {
        // a step line: a figure holds until the next event changes it
        let path = "";
        let previous = null;
        for (const point of points) {
            const value = point[s.field];
            if (!Number.isFinite(value)) continue;
            path += previous === null ? `M${x(point.time)},${y(value)}`
                : `H${x(point.time)}V${y(value)}`;
            previous = value;
        }
        path += `H${width - pad.right}`;
        children.push(svgElement("path", {class: `line ${s.className}`, d: path}));
    }
    svg.replaceChildren(...children);
}

// ---- polling ----

function setStatus(kind, message) {
    const status = $("status");
    status.className = `status ${kind}`;
    status.textContent = message;
}

let polling = false;

async function poll() {
    if (polling || !state.apiKey) return;
    polling = true;
    try {
        const [portfolio, pnl] = await Promise.all([
            api("/api/v1/portfolio?include_positions=true"),
            api("/api/v1/portfolio/pnl")]);
        const positions = portfolio.positions || [];
        chooseDefaultSelection(positions);
        renderTotals(portfolio, pnl);
        renderPositions(positions);
        renderExposure(portfolio);
        await refreshAged();
        renderAged();
        await refreshHistory();
        renderHistory();
        state.polls++;
        document.body.dataset.polls = String(state.polls);
        setStatus("live", `live · metrics of ${text(portfolio.calculated_at)}`);
    } catch (error) {
        if (error.status === 401) {
            setStatus("error", "API key refused");
            askForKey("The server refused this key (401). Enter the X-API-Key to use.");
        } else {
            setStatus("error", `cannot reach the API: ${error.message}`);
        }
    } finally {
        polling = false;
    }
}

takeKeyFromLink();
if (!state.apiKey) {
    setStatus("error", "no API key");
    askForKey("Enter the X-API-Key (the standalone app prints its local key at start-up).");
}
poll();
setInterval(() => {
    if (!document.hidden) poll();
}, POLL_MILLIS);

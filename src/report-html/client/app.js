// The HTML report's browser side: charts (uPlot), the request table and the request detail
// dialog, built from the JSON embedded in the page. Plain ES2020, no network. Every value from
// the report goes through textContent, never innerHTML.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("report-data").textContent);
  var COL = {}; // column name → index, from the section's own column list
  var PAGE_SIZE = 50;
  var COLORS = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#475569", "#ea580c"];
  var state = { scenario: -1, filtered: [], page: 0, charts: [] };

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) return;
      if (k === "text") el.textContent = String(attrs[k]);
      else if (k === "onclick" || k === "onchange" || k === "oninput") el[k] = attrs[k];
      else el.setAttribute(k, String(attrs[k]));
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      if (Array.isArray(c)) c.forEach(function (x) { if (x) el.appendChild(x); });
      else el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return el;
  }
  function span(ms) {
    if (ms === null || ms === undefined) return "—";
    if (ms < 1000) return (Math.round(ms * 10) / 10) + "ms";
    var s = ms / 1000;
    if (s < 60) return (Math.round(s * 100) / 100) + "s";
    var m = Math.floor(s / 60), rest = Math.round(s - m * 60);
    return m + "m" + (rest ? rest + "s" : "");
  }
  function num(x) {
    if (typeof x !== "number") return String(x);
    if (x === 0 || Math.abs(x) >= 0.001 && Math.abs(x) < 1e6) return String(Number(x.toFixed(4)));
    return x.toPrecision(4);
  }
  function usd(x) { return "$" + (x < 0.01 ? x.toPrecision(3) : x.toFixed(4)); }
  function section() { return DATA.scenarios[state.scenario].requests; }
  function row(r, name) { return r[COL[name]]; }
  function providerName(sec, i) { return i < 0 ? "(none)" : sec.providers[i]; }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

  // ─── Charts ───────────────────────────────────────────────────────────────
  function bins(sec) {
    var end = 0;
    sec.rows.forEach(function (r) { end = Math.max(end, row(r, "offset_ms") + row(r, "latency_ms")); });
    sec.phases.forEach(function (p) { end = Math.max(end, p.to_ms); });
    var size = Math.max(1000, Math.ceil(end / 120 / 1000) * 1000);
    var n = Math.max(1, Math.ceil(end / size));
    var xs = [];
    for (var i = 0; i < n; i++) xs.push((i + 0.5) * size / 60000);
    return { size: size, n: n, xs: xs };
  }
  function binOf(b, ms) { return Math.min(b.n - 1, Math.floor(ms / b.size)); }
  function zeros(n) { var a = []; for (var i = 0; i < n; i++) a.push(0); return a; }

  function shadePhases(sec) {
    return function (u) {
      var ctx = u.ctx;
      ctx.save();
      sec.phases.forEach(function (p) {
        var x0 = u.valToPos(p.from_ms / 60000, "x", true), x1 = u.valToPos(p.to_ms / 60000, "x", true);
        var c = COLORS[sec.providers.indexOf(p.provider) % COLORS.length];
        ctx.fillStyle = c + "22";
        ctx.fillRect(x0, u.bbox.top, Math.max(1, x1 - x0), u.bbox.height);
        ctx.fillStyle = c;
        ctx.font = (11 * devicePixelRatio) + "px sans-serif";
        ctx.fillText(p.provider + ": " + (p.name || p.fault), x0 + 4, u.bbox.top + 12 * devicePixelRatio);
      });
      ctx.restore();
    };
  }
  function chart(target, title, sec, series, data, yAxis) {
    var box = h("div", { class: "chart", "data-chart": title }, h("h4", { text: title }));
    target.appendChild(box);
    var width = Math.max(320, Math.min(560, (target.clientWidth || 1100) / 2 - 24));
    var opts = {
      width: width, height: 220,
      scales: { x: { time: false } },
      series: [{ label: "minute" }].concat(series),
      axes: [{ values: function (u, splits) { return splits.map(function (v) { return v + "m"; }); } }, yAxis || {}],
      hooks: { drawClear: [shadePhases(sec)] },
      legend: { live: true },
    };
    state.charts.push(new uPlot(opts, data, box));
  }
  function providerSeries(sec, i, extra) {
    var s = { label: sec.providers[i], stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: false };
    Object.keys(extra || {}).forEach(function (k) { s[k] = extra[k]; });
    return s;
  }

  function drawCharts(sec) {
    state.charts.forEach(function (c) { c.destroy(); });
    state.charts = [];
    var target = document.getElementById("charts");
    clear(target);
    if (sec.rows.length === 0) { target.appendChild(h("p", { text: "No requests in this scenario." })); return; }
    var b = bins(sec), P = sec.providers.length;
    var served = [], lat = [], ttft = [], latN = [], ttftN = [], brk = [], total = zeros(b.n);
    for (var p = 0; p < P; p++) { served.push(zeros(b.n)); lat.push(zeros(b.n)); ttft.push(zeros(b.n)); latN.push(zeros(b.n)); ttftN.push(zeros(b.n)); brk.push(zeros(b.n).map(function () { return null; })); }
    var heal = { applied: zeros(b.n), skipped: zeros(b.n), failed: zeros(b.n) }, anyHeal = false;
    var BRK = { c: 0, h: 1, o: 2 };
    sec.rows.forEach(function (r) {
      var k = binOf(b, row(r, "offset_ms")), sp = row(r, "provider");
      total[k]++;
      if (sp >= 0) {
        served[sp][k]++;
        lat[sp][k] += row(r, "latency_ms"); latN[sp][k]++;
        if (row(r, "ttft_ms") !== null) { ttft[sp][k] += row(r, "ttft_ms"); ttftN[sp][k]++; }
      }
      var letters = row(r, "breakers");
      for (var q = 0; q < letters.length; q++) if (letters[q] in BRK) brk[q][k] = Math.max(brk[q][k] === null ? 0 : brk[q][k], BRK[letters[q]]);
      var hv = row(r, "healing");
      if (hv in heal) { heal[hv][k]++; anyHeal = true; }
    });
    var ps = [];
    for (p = 0; p < P; p++) ps.push(p);
    var share = ps.map(function (p) { return served[p].map(function (v, k) { return total[k] ? v / total[k] : null; }); });
    chart(target, "Provider share (of requests sent in each interval)", sec, ps.map(function (p) { return providerSeries(sec, p); }), [b.xs].concat(share),
      { values: function (u, s) { return s.map(function (v) { return Math.round(v * 100) + "%"; }); } });
    var mean = function (sum, n) { return sum.map(function (v, k) { return n[k] ? v / n[k] : null; }); };
    var msAxis = { size: 60, values: function (u, s) { return s.map(function (v) { return span(v); }); } };
    chart(target, "Latency, total (mean per interval)", sec, ps.map(function (p) { return providerSeries(sec, p); }), [b.xs].concat(ps.map(function (p) { return mean(lat[p], latN[p]); })), msAxis);
    chart(target, "Latency, first token (mean per interval)", sec, ps.map(function (p) { return providerSeries(sec, p); }), [b.xs].concat(ps.map(function (p) { return mean(ttft[p], ttftN[p]); })), msAxis);
    chart(target, "Breaker state (worst seen by routing in each interval)", sec, ps.map(function (p) { return providerSeries(sec, p, { paths: uPlot.paths.stepped({ align: 1 }) }); }), [b.xs].concat(brk),
      { splits: function () { return [0, 1, 2]; }, values: function (u, s) { return s.map(function (v) { return ["closed", "half-open", "open"][v] || ""; }); }, size: 70 });
    var healColors = { applied: "#16a34a", skipped: "#94a3b8", failed: "#dc2626" };
    if (anyHeal) {
      chart(target, "Healing outcomes (requests per interval)", sec, Object.keys(heal).map(function (k) { return { label: k, stroke: healColors[k], width: 1.5 }; }),
        [b.xs].concat(Object.keys(heal).map(function (k) { return heal[k]; })));
    } else {
      target.appendChild(h("div", { class: "chart empty" }, h("h4", { text: "Healing outcomes" }), h("p", { text: "No response-healing ran in this scenario." })));
    }
  }

  // ─── Table ────────────────────────────────────────────────────────────────
  function options(select, values, labels) {
    clear(select);
    select.appendChild(h("option", { value: "", text: "all" }));
    values.forEach(function (v, i) { select.appendChild(h("option", { value: String(v), text: labels ? labels[i] : String(v) })); });
  }
  function setupFilters(sec) {
    options(document.getElementById("f-provider"), sec.providers.map(function (_, i) { return i; }).concat([-1]), sec.providers.concat(["(none)"]));
    var statuses = {};
    sec.rows.forEach(function (r) { statuses[row(r, "status")] = 1; statuses[String(row(r, "http_status"))] = 1; });
    options(document.getElementById("f-status"), Object.keys(statuses).sort());
    options(document.getElementById("f-healing"), ["applied", "skipped", "failed", "none"]);
    options(document.getElementById("f-cache"), ["hit", "miss", "bypass", "(none)"]);
    document.getElementById("f-failover").checked = false;
    document.getElementById("f-id").value = "";
  }
  function applyFilters() {
    var sec = section();
    var prov = document.getElementById("f-provider").value, status = document.getElementById("f-status").value;
    var healing = document.getElementById("f-healing").value, cache = document.getElementById("f-cache").value;
    var failover = document.getElementById("f-failover").checked, id = document.getElementById("f-id").value.trim();
    state.filtered = sec.rows.filter(function (r) {
      if (prov !== "" && row(r, "provider") !== Number(prov)) return false;
      if (status !== "" && row(r, "status") !== status && String(row(r, "http_status")) !== status) return false;
      if (healing !== "" && row(r, "healing") !== healing) return false;
      if (cache !== "" && (row(r, "cache") || "(none)") !== cache) return false;
      if (failover && row(r, "attempt_providers").length < 2) return false;
      if (id !== "" && row(r, "id").indexOf(id) < 0) return false;
      return true;
    });
    state.page = 0;
    drawTable();
  }
  function drawTable() {
    var sec = section(), body = document.getElementById("requests-body");
    clear(body);
    var pages = Math.max(1, Math.ceil(state.filtered.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    state.filtered.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE).forEach(function (r) {
      var d = row(r, "detail");
      var path = row(r, "attempt_providers").map(function (p) { return providerName(sec, p); }).join(" → ");
      var name = row(r, "name");
      body.appendChild(h("tr", { "data-id": row(r, "id"), "data-failover": row(r, "attempt_providers").length > 1 ? "yes" : "no" },
        h("td", { text: row(r, "index") }), h("td", { text: span(row(r, "offset_ms")) }), h("td", { class: "mono", text: row(r, "id") }),
        h("td", { text: name < 0 ? "—" : sec.names[name] }), h("td", { text: providerName(sec, row(r, "provider")) }), h("td", { text: path || "—" }),
        h("td", { class: "st-" + row(r, "status"), text: row(r, "status") + " " + row(r, "http_status") }),
        h("td", { text: span(row(r, "latency_ms")) }), h("td", { text: span(row(r, "ttft_ms")) }), h("td", { text: usd(row(r, "cost_usd")) }),
        h("td", { text: row(r, "healing") }), h("td", { text: row(r, "cache") || "—" }),
        h("td", null, d >= 0 ? h("button", { class: "open-detail", onclick: function () { openDetail(d); }, text: "details" }) : h("span", { class: "muted", text: "not kept" }))));
    });
    document.getElementById("page-info").textContent = "page " + (state.page + 1) + " of " + pages + " · " + state.filtered.length.toLocaleString("en-US") + " of " + sec.rows.length.toLocaleString("en-US") + " requests";
  }

  // ─── Detail dialog ────────────────────────────────────────────────────────
  function table(headers, rows, attrs) {
    return h("table", attrs || null, h("thead", null, h("tr", null, headers.map(function (x) { return h("th", { text: x }); }))), h("tbody", null, rows));
  }
  function kv(pairs) {
    return h("dl", { class: "kv" }, pairs.map(function (p) { return h("div", null, h("dt", { text: p[0] }), h("dd", { text: p[1] === null || p[1] === undefined ? "—" : String(p[1]) })); }));
  }
  function bodyBlock(title, b) {
    if (!b) return h("section", null, h("h3", { text: title }), h("p", { class: "muted", text: "not kept (streamed responses keep no body)" }));
    var text = b.text;
    if (!b.truncated) { try { text = JSON.stringify(JSON.parse(b.text), null, 2); } catch (e) { text = b.text; } }
    return h("section", null, h("h3", { text: title + (b.truncated ? " (truncated)" : "") }), h("pre", { class: "body", text: text }));
  }
  function routingBlock(r) {
    if (!r) return h("section", null, h("h3", { text: "Routing" }), h("p", { class: "muted", text: "no routing diagnostics (the request failed before routing, or was a cache hit)" }));
    var dropped = [];
    r.filterStages.forEach(function (s) { s.dropped.forEach(function (d) { dropped.push(h("tr", { "data-provider": d.provider }, h("td", { text: d.provider }), h("td", { text: s.stage }), h("td", { text: d.reason }))); }); });
    var factorNames = [];
    r.rankedProviders.forEach(function (p) { Object.keys(p.scoreFactors).forEach(function (k) { if (factorNames.indexOf(k) < 0) factorNames.push(k); }); });
    var ranked = r.rankedProviders.map(function (p) {
      return h("tr", { "data-provider": p.provider, "data-rank": p.rank },
        h("td", { text: p.rank }), h("td", { class: "provider", text: p.provider }), h("td", { class: "score", "data-value": p.score, text: num(p.score) }),
        h("td", { text: p.placedBy + (p.probe ? " (probe)" : "") }), h("td", { text: p.breaker }),
        factorNames.map(function (k) { var v = p.scoreFactors[k]; return h("td", { class: "factor", "data-factor": k, "data-value": v === undefined ? null : v, text: v === undefined ? "—" : num(v) }); }));
    });
    return h("section", null,
      h("h3", { text: "Providers considered" }),
      kv([["strategy", r.strategy], ["sort", r.sort || "—"], ["considered", r.consideredProviders.join(", ")], ["final candidates", r.finalCandidateCount], ["warnings", r.warnings.join("; ") || "—"]]),
      dropped.length ? table(["dropped provider", "stage", "reason"], dropped, { id: "dropped" }) : h("p", { class: "muted", text: "No provider was dropped." }),
      table(["stage", "before", "after"], r.filterStages.map(function (s) { return h("tr", null, h("td", { text: s.stage }), h("td", { text: s.before }), h("td", { text: s.after })); })),
      h("h3", { text: "Ranked providers and score factors" }),
      table(["rank", "provider", "score", "placed by", "breaker"].concat(factorNames), ranked, { id: "ranked" }));
  }
  function openDetail(i) {
    var d = section().details[i], dlg = document.getElementById("detail"), box = document.getElementById("detail-body");
    clear(box);
    box.appendChild(h("h2", { text: "Request " + d.id }));
    box.appendChild(kv([["created", d.created_at], ["model", d.model], ["preset", d.preset], ["selected provider", d.selected_provider], ["status", d.status + " (HTTP " + d.http_status + ")"], ["error", d.error_code],
      ["latency", span(d.latency_ms)], ["first token", span(d.ttft_ms)], ["throughput", d.throughput_tps === null ? null : d.throughput_tps + " tok/s"], ["stream", d.stream],
      ["tokens", d.usage.input_tokens + " in / " + d.usage.output_tokens + " out"], ["cost", usd(d.cost_usd)]]));
    box.appendChild(routingBlock(d.routing));
    box.appendChild(h("section", null, h("h3", { text: "Attempts" }), d.attempts.length ? table(["#", "provider", "outcome", "status", "duration", "error", "message"], d.attempts.map(function (a) {
      return h("tr", { class: "outcome-" + a.outcome }, h("td", { text: a.attempt }), h("td", { text: a.provider }), h("td", { text: a.outcome }), h("td", { text: a.status === null ? "—" : a.status }),
        h("td", { text: span(a.duration_ms) }), h("td", { text: a.error_code || "—" }), h("td", { text: a.message || "" }));
    }), { id: "attempts" }) : h("p", { class: "muted", text: "No upstream attempt." })));
    box.appendChild(h("section", null, h("h3", { text: "Plugin executions" }), d.plugins.length ? table(["plugin", "stage", "status", "changed", "mode", "transforms", "failure", "validation errors"], d.plugins.map(function (p) {
      var m = p.metadata || {};
      return h("tr", null, h("td", { text: p.id }), h("td", { text: p.stage }), h("td", { text: p.status }), h("td", { text: p.changed }), h("td", { text: m.mode || "—" }),
        h("td", { text: (m.transforms_applied || []).join(", ") || "—" }), h("td", { text: m.failure_reason || "—" }),
        h("td", { text: (m.validation_errors || []).map(function (e) { return e.path + ": " + e.message; }).join("; ") || "—" }));
    })) : h("p", { class: "muted", text: "No plugin ran." })));
    box.appendChild(h("section", null, h("h3", { text: "Response cache" }), d.cache ? kv([["status", d.cache.status], ["reason", d.cache.reason], ["key", d.cache.key], ["ttl", d.cache.ttl_seconds === undefined ? null : d.cache.ttl_seconds + "s"], ["age", d.cache.age_seconds === undefined ? null : d.cache.age_seconds + "s"]]) : h("p", { class: "muted", text: "no cache information" })));
    box.appendChild(bodyBlock("Request body", d.request_body));
    box.appendChild(bodyBlock("Response body", d.response_body));
    if (dlg.showModal) dlg.showModal(); else dlg.setAttribute("open", "");
  }

  // ─── Wiring ───────────────────────────────────────────────────────────────
  function selectScenario(i) {
    state.scenario = i;
    var sec = section();
    COL = {};
    sec.columns.forEach(function (c, k) { COL[c] = k; });
    document.getElementById("detail-note").textContent = sec.total.toLocaleString("en-US") + " requests of the first run; full detail kept for " + sec.detail_policy.kept.toLocaleString("en-US") +
      " (the first " + sec.detail_policy.first + ", then failed-over, failed and healed requests, up to " + sec.detail_policy.notable_max + ").";
    drawCharts(sec);
    setupFilters(sec);
    applyFilters();
  }
  var withRequests = [];
  DATA.scenarios.forEach(function (s, i) { if (s.requests) withRequests.push(i); });
  var picker = document.getElementById("scenario-picker");
  if (withRequests.length === 0) { document.getElementById("explorer").hidden = true; return; }
  withRequests.forEach(function (i) { picker.appendChild(h("option", { value: i, text: DATA.scenarios[i].name })); });
  picker.onchange = function () { selectScenario(Number(picker.value)); };
  ["f-provider", "f-status", "f-healing", "f-cache", "f-failover"].forEach(function (id) { document.getElementById(id).onchange = applyFilters; });
  document.getElementById("f-id").oninput = applyFilters;
  document.getElementById("prev").onclick = function () { if (state.page > 0) { state.page--; drawTable(); } };
  document.getElementById("next").onclick = function () { state.page++; drawTable(); };
  document.getElementById("detail-close").onclick = function () { document.getElementById("detail").close(); };
  document.querySelectorAll("[data-explore]").forEach(function (a) {
    a.onclick = function (e) { e.preventDefault(); picker.value = a.getAttribute("data-explore"); selectScenario(Number(picker.value)); document.getElementById("explorer").scrollIntoView(); };
  });
  selectScenario(withRequests[0]);
  document.body.setAttribute("data-ready", "true");
})();

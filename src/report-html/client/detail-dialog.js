// The request detail dialog, mirroring the usage request dialog: request facts, providers
// considered with drop reasons, ranked providers with score factors, attempts, plugin executions,
// cache status and the bodies. Reads one RequestDetail; knows nothing of where it came from.
(function () {
  "use strict";
  var G = window.gatewaySim,
    D = G.dom;
  var h = D.h,
    clear = D.clear,
    span = D.span,
    num = D.num,
    usd = D.usd,
    table = D.table,
    kv = D.kv;

  function bodyBlock(title, b) {
    if (!b) return h("section", null, h("h3", { text: title }), h("p", { class: "muted", text: "not kept (streamed responses keep no body)" }));
    var text = b.text;
    if (!b.truncated) {
      try {
        text = JSON.stringify(JSON.parse(b.text), null, 2);
      } catch (e) {
        text = b.text;
      }
    }
    return h("section", null, h("h3", { text: title + (b.truncated ? " (truncated)" : "") }), h("pre", { class: "body", text: text }));
  }
  function routingBlock(r) {
    if (!r) return h("section", null, h("h3", { text: "Routing" }), h("p", { class: "muted", text: "no routing diagnostics (the request failed before routing, or was a cache hit)" }));
    var dropped = [];
    r.filterStages.forEach(function (s) {
      s.dropped.forEach(function (d) {
        dropped.push(h("tr", { "data-provider": d.provider }, h("td", { text: d.provider }), h("td", { text: s.stage }), h("td", { text: d.reason })));
      });
    });
    var factorNames = [];
    r.rankedProviders.forEach(function (p) {
      Object.keys(p.scoreFactors).forEach(function (k) {
        if (factorNames.indexOf(k) < 0) factorNames.push(k);
      });
    });
    var ranked = r.rankedProviders.map(function (p) {
      return h(
        "tr",
        { "data-provider": p.provider, "data-rank": p.rank },
        h("td", { text: p.rank }),
        h("td", { class: "provider", text: p.provider }),
        h("td", { class: "score", "data-value": p.score, text: num(p.score) }),
        h("td", { text: p.placedBy + (p.probe ? " (probe)" : "") }),
        h("td", { text: p.breaker }),
        factorNames.map(function (k) {
          var v = p.scoreFactors[k];
          return h("td", { class: "factor", "data-factor": k, "data-value": v === undefined ? null : v, text: v === undefined ? "—" : num(v) });
        }),
      );
    });
    return h(
      "section",
      null,
      h("h3", { text: "Providers considered" }),
      kv([
        ["strategy", r.strategy],
        ["sort", r.sort || "—"],
        ["considered", r.consideredProviders.join(", ")],
        ["final candidates", r.finalCandidateCount],
        ["warnings", r.warnings.join("; ") || "—"],
      ]),
      dropped.length ? table(["dropped provider", "stage", "reason"], dropped, { id: "dropped" }) : h("p", { class: "muted", text: "No provider was dropped." }),
      table(
        ["stage", "before", "after"],
        r.filterStages.map(function (s) {
          return h("tr", null, h("td", { text: s.stage }), h("td", { text: s.before }), h("td", { text: s.after }));
        }),
      ),
      h("h3", { text: "Ranked providers and score factors" }),
      table(["rank", "provider", "score", "placed by", "breaker"].concat(factorNames), ranked, { id: "ranked" }),
    );
  }
  /** Opens the request dialog on one RequestDetail (src/scenarios/report/request-detail.ts). */
  function showDetail(d) {
    var dlg = document.getElementById("detail"),
      box = document.getElementById("detail-body");
    clear(box);
    box.appendChild(h("h2", { text: "Request " + d.id }));
    box.appendChild(
      kv([
        ["created", d.created_at],
        ["model", d.model],
        ["preset", d.preset],
        ["selected provider", d.selected_provider],
        ["status", d.status + " (HTTP " + d.http_status + ")"],
        ["error", d.error_code],
        ["latency", span(d.latency_ms)],
        ["first token", span(d.ttft_ms)],
        ["throughput", d.throughput_tps === null ? null : d.throughput_tps + " tok/s"],
        ["stream", d.stream],
        ["tokens", d.usage.input_tokens + " in / " + d.usage.output_tokens + " out"],
        ["cost", usd(d.cost_usd)],
      ]),
    );
    box.appendChild(routingBlock(d.routing));
    box.appendChild(
      h(
        "section",
        null,
        h("h3", { text: "Attempts" }),
        d.attempts.length
          ? table(
              ["#", "provider", "outcome", "status", "duration", "error", "message"],
              d.attempts.map(function (a) {
                return h(
                  "tr",
                  { class: "outcome-" + a.outcome },
                  h("td", { text: a.attempt }),
                  h("td", { text: a.provider }),
                  h("td", { text: a.outcome }),
                  h("td", { text: a.status === null ? "—" : a.status }),
                  h("td", { text: span(a.duration_ms) }),
                  h("td", { text: a.error_code || "—" }),
                  h("td", { text: a.message || "" }),
                );
              }),
              { id: "attempts" },
            )
          : h("p", { class: "muted", text: "No upstream attempt." }),
      ),
    );
    box.appendChild(
      h(
        "section",
        null,
        h("h3", { text: "Plugin executions" }),
        d.plugins.length
          ? table(
              ["plugin", "stage", "status", "changed", "mode", "transforms", "failure", "validation errors"],
              d.plugins.map(function (p) {
                var m = p.metadata || {};
                return h(
                  "tr",
                  null,
                  h("td", { text: p.id }),
                  h("td", { text: p.stage }),
                  h("td", { text: p.status }),
                  h("td", { text: p.changed }),
                  h("td", { text: m.mode || "—" }),
                  h("td", { text: (m.transforms_applied || []).join(", ") || "—" }),
                  h("td", { text: m.failure_reason || m.reason || "—" }),
                  h("td", { text: (m.validation_errors || []).join("; ") || "—" }),
                );
              }),
            )
          : h("p", { class: "muted", text: "No plugin ran." }),
      ),
    );
    box.appendChild(
      h(
        "section",
        null,
        h("h3", { text: "Response cache" }),
        d.cache
          ? kv([
              ["status", d.cache.status],
              ["reason", d.cache.reason],
              ["key", d.cache.key],
              ["ttl", d.cache.ttlSeconds == null ? null : d.cache.ttlSeconds + "s (" + d.cache.ttlSource + ")"],
              ["age", d.cache.ageMs == null ? null : d.cache.ageMs + " ms"],
            ])
          : h("p", { class: "muted", text: "no cache information" }),
      ),
    );
    box.appendChild(bodyBlock("Request body", d.request_body));
    box.appendChild(bodyBlock("Response body", d.response_body));
    if (dlg.showModal) dlg.showModal();
    else dlg.setAttribute("open", "");
  }

  document.getElementById("detail-close").onclick = function () {
    document.getElementById("detail").close();
  };
  G.showDetail = showDetail;
})();

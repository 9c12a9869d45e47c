// The request explorer of the HTML report and of serve's live /usage page: charts (uPlot) and the
// request table with its filters, built from the JSON embedded in the page (a live page grows it,
// see live.js). Plain ES2020, no network here. Every value goes through textContent, never innerHTML.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("report-data").textContent);
  var COL = {}; // column name → index, from the section's own column list
  var PAGE_SIZE = 50;
  var COLORS = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#475569", "#ea580c"];
  var state = { scenario: -1, filtered: [], page: 0, charts: [] };

  var D = window.gatewaySim.dom,
    h = D.h,
    clear = D.clear,
    span = D.span,
    usd = D.usd;
  function section() {
    return DATA.scenarios[state.scenario].requests;
  }
  function row(r, name) {
    return r[COL[name]];
  }
  function providerName(sec, i) {
    return i < 0 ? "(none)" : sec.providers[i];
  }

  // ─── Charts ───────────────────────────────────────────────────────────────
  function bins(sec) {
    var end = 0;
    sec.rows.forEach(function (r) {
      end = Math.max(end, row(r, "offset_ms") + row(r, "latency_ms"));
    });
    sec.phases.forEach(function (p) {
      end = Math.max(end, p.to_ms);
    });
    var size = Math.max(1000, Math.ceil(end / 120 / 1000) * 1000);
    var n = Math.max(1, Math.ceil(end / size));
    var xs = [];
    for (var i = 0; i < n; i++) xs.push(((i + 0.5) * size) / 60000);
    return { size: size, n: n, xs: xs };
  }
  function binOf(b, ms) {
    return Math.min(b.n - 1, Math.floor(ms / b.size));
  }
  function zeros(n) {
    var a = [];
    for (var i = 0; i < n; i++) a.push(0);
    return a;
  }

  function shadePhases(sec) {
    return function (u) {
      var ctx = u.ctx;
      ctx.save();
      sec.phases.forEach(function (p) {
        var x0 = u.valToPos(p.from_ms / 60000, "x", true),
          x1 = u.valToPos(p.to_ms / 60000, "x", true);
        var c = COLORS[sec.providers.indexOf(p.provider) % COLORS.length];
        ctx.fillStyle = c + "22";
        ctx.fillRect(x0, u.bbox.top, Math.max(1, x1 - x0), u.bbox.height);
        ctx.fillStyle = c;
        ctx.font = 11 * devicePixelRatio + "px sans-serif";
        ctx.fillText(p.provider + ": " + (p.name || p.fault), x0 + 4, u.bbox.top + 12 * devicePixelRatio);
      });
      ctx.restore();
    };
  }
  function chart(target, title, sec, series, data, yAxis, yRange) {
    var box = h("div", { class: "chart", "data-chart": title }, h("h4", { text: title }));
    target.appendChild(box);
    var width = Math.max(320, Math.min(560, (target.clientWidth || 1100) / 2 - 24));
    var opts = {
      width: width,
      height: 220,
      // A fixed range where the values are categories (breaker states): all-closed data stays readable.
      scales: yRange ? { x: { time: false }, y: { range: yRange } } : { x: { time: false } },
      series: [{ label: "minute" }].concat(series),
      axes: [
        {
          values: function (u, splits) {
            return splits.map(function (v) {
              return v + "m";
            });
          },
        },
        yAxis || {},
      ],
      hooks: { drawClear: [shadePhases(sec)] },
      legend: { live: true },
    };
    state.charts.push(new uPlot(opts, data, box));
  }
  function providerSeries(sec, i, extra) {
    var s = { label: sec.providers[i], stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: false };
    Object.keys(extra || {}).forEach(function (k) {
      s[k] = extra[k];
    });
    return s;
  }

  function drawCharts(sec) {
    state.charts.forEach(function (c) {
      c.destroy();
    });
    state.charts = [];
    var target = document.getElementById("charts");
    clear(target);
    if (sec.rows.length === 0) {
      target.appendChild(h("p", { text: "No requests in this scenario." }));
      return;
    }
    var b = bins(sec),
      P = sec.providers.length;
    var served = [],
      lat = [],
      ttft = [],
      latN = [],
      ttftN = [],
      brk = [],
      total = zeros(b.n);
    for (var p = 0; p < P; p++) {
      served.push(zeros(b.n));
      lat.push(zeros(b.n));
      ttft.push(zeros(b.n));
      latN.push(zeros(b.n));
      ttftN.push(zeros(b.n));
      brk.push(
        zeros(b.n).map(function () {
          return null;
        }),
      );
    }
    var heal = { applied: zeros(b.n), skipped: zeros(b.n), failed: zeros(b.n) },
      anyHeal = false;
    var BRK = { c: 0, h: 1, o: 2 };
    sec.rows.forEach(function (r) {
      var k = binOf(b, row(r, "offset_ms")),
        sp = row(r, "provider");
      total[k]++;
      if (sp >= 0) {
        served[sp][k]++;
        lat[sp][k] += row(r, "latency_ms");
        latN[sp][k]++;
        if (row(r, "ttft_ms") !== null) {
          ttft[sp][k] += row(r, "ttft_ms");
          ttftN[sp][k]++;
        }
      }
      var letters = row(r, "breakers");
      for (var q = 0; q < letters.length; q++) if (letters[q] in BRK) brk[q][k] = Math.max(brk[q][k] === null ? 0 : brk[q][k], BRK[letters[q]]);
      var hv = row(r, "healing");
      if (hv in heal) {
        heal[hv][k]++;
        anyHeal = true;
      }
    });
    var ps = [];
    for (p = 0; p < P; p++) ps.push(p);
    var share = ps.map(function (p) {
      return served[p].map(function (v, k) {
        return total[k] ? v / total[k] : null;
      });
    });
    chart(
      target,
      "Provider share (of requests sent in each interval)",
      sec,
      ps.map(function (p) {
        return providerSeries(sec, p);
      }),
      [b.xs].concat(share),
      {
        values: function (u, s) {
          return s.map(function (v) {
            return Math.round(v * 100) + "%";
          });
        },
      },
    );
    var mean = function (sum, n) {
      return sum.map(function (v, k) {
        return n[k] ? v / n[k] : null;
      });
    };
    var msAxis = {
      size: 60,
      values: function (u, s) {
        return s.map(function (v) {
          return span(v);
        });
      },
    };
    chart(
      target,
      "Latency, total (mean per interval)",
      sec,
      ps.map(function (p) {
        return providerSeries(sec, p);
      }),
      [b.xs].concat(
        ps.map(function (p) {
          return mean(lat[p], latN[p]);
        }),
      ),
      msAxis,
    );
    chart(
      target,
      "Latency, first token (mean per interval)",
      sec,
      ps.map(function (p) {
        return providerSeries(sec, p);
      }),
      [b.xs].concat(
        ps.map(function (p) {
          return mean(ttft[p], ttftN[p]);
        }),
      ),
      msAxis,
    );
    chart(
      target,
      "Breaker state (worst seen by routing in each interval)",
      sec,
      ps.map(function (p) {
        return providerSeries(sec, p, { paths: uPlot.paths.stepped({ align: 1 }) });
      }),
      [b.xs].concat(brk),
      {
        splits: function () {
          return [0, 1, 2];
        },
        values: function (u, s) {
          return s.map(function (v) {
            return ["closed", "half-open", "open"][v] || "";
          });
        },
        size: 70,
      },
      [-0.2, 2.2],
    );
    var healColors = { applied: "#16a34a", skipped: "#94a3b8", failed: "#dc2626" };
    if (anyHeal) {
      chart(
        target,
        "Healing outcomes (requests per interval)",
        sec,
        Object.keys(heal).map(function (k) {
          return { label: k, stroke: healColors[k], width: 1.5 };
        }),
        [b.xs].concat(
          Object.keys(heal).map(function (k) {
            return heal[k];
          }),
        ),
      );
    } else {
      target.appendChild(h("div", { class: "chart empty" }, h("h4", { text: "Healing outcomes" }), h("p", { text: "No response-healing ran in this scenario." })));
    }
  }

  // ─── Table ────────────────────────────────────────────────────────────────
  var optionKeys = {};
  /** (Re)fills a filter's options, keeping its selection: the live page refreshes them as requests arrive. */
  function options(select, values, labels) {
    var key = JSON.stringify([values, labels || null]);
    if (optionKeys[select.id] === key) return;
    optionKeys[select.id] = key;
    var chosen = select.value;
    clear(select);
    select.appendChild(h("option", { value: "", text: "all" }));
    values.forEach(function (v, i) {
      select.appendChild(h("option", { value: String(v), text: labels ? labels[i] : String(v) }));
    });
    select.value = values.map(String).indexOf(chosen) >= 0 ? chosen : "";
  }
  function fillFilters(sec) {
    options(
      document.getElementById("f-provider"),
      sec.providers
        .map(function (_, i) {
          return i;
        })
        .concat([-1]),
      sec.providers.concat(["(none)"]),
    );
    var statuses = {};
    sec.rows.forEach(function (r) {
      statuses[row(r, "status")] = 1;
      statuses[String(row(r, "http_status"))] = 1;
    });
    options(document.getElementById("f-status"), Object.keys(statuses).sort());
    options(document.getElementById("f-healing"), ["applied", "skipped", "failed", "none"]);
    options(document.getElementById("f-cache"), ["hit", "miss", "bypass", "(none)"]);
  }
  function resetFilters() {
    ["f-provider", "f-status", "f-healing", "f-cache", "f-id"].forEach(function (id) {
      document.getElementById(id).value = "";
    });
    document.getElementById("f-failover").checked = false;
  }
  function applyFilters(keepPage) {
    var sec = section();
    var prov = document.getElementById("f-provider").value,
      status = document.getElementById("f-status").value;
    var healing = document.getElementById("f-healing").value,
      cache = document.getElementById("f-cache").value;
    var failover = document.getElementById("f-failover").checked,
      id = document.getElementById("f-id").value.trim();
    state.filtered = sec.rows.filter(function (r) {
      if (prov !== "" && row(r, "provider") !== Number(prov)) return false;
      if (status !== "" && row(r, "status") !== status && String(row(r, "http_status")) !== status) return false;
      if (healing !== "" && row(r, "healing") !== healing) return false;
      if (cache !== "" && (row(r, "cache") || "(none)") !== cache) return false;
      if (failover && row(r, "attempt_providers").length < 2) return false;
      if (id !== "" && row(r, "id").indexOf(id) < 0) return false;
      return true;
    });
    if (keepPage !== true) state.page = 0;
    drawTable();
  }
  function drawTable() {
    var sec = section(),
      body = document.getElementById("requests-body");
    clear(body);
    var pages = Math.max(1, Math.ceil(state.filtered.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    state.filtered.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE).forEach(function (r) {
      var d = row(r, "detail");
      var path = row(r, "attempt_providers")
        .map(function (p) {
          return providerName(sec, p);
        })
        .join(" → ");
      var name = row(r, "name");
      body.appendChild(
        h(
          "tr",
          { "data-id": row(r, "id"), "data-failover": row(r, "attempt_providers").length > 1 ? "yes" : "no" },
          h("td", { text: row(r, "index") }),
          h("td", { text: span(row(r, "offset_ms")) }),
          h("td", { class: "mono", text: row(r, "id") }),
          h("td", { text: name < 0 ? "—" : sec.names[name] }),
          h("td", { text: providerName(sec, row(r, "provider")) }),
          h("td", { text: path || "—" }),
          h("td", { class: "st-" + row(r, "status"), text: row(r, "status") + " " + row(r, "http_status") }),
          h("td", { text: span(row(r, "latency_ms")) }),
          h("td", { text: span(row(r, "ttft_ms")) }),
          h("td", { text: usd(row(r, "cost_usd")) }),
          h("td", { text: row(r, "healing") }),
          h("td", { text: row(r, "cache") || "—" }),
          h(
            "td",
            null,
            d >= 0
              ? h("button", {
                  class: "open-detail",
                  onclick: function () {
                    window.gatewaySim.showDetail(section().details[d]);
                  },
                  text: "details",
                })
              : h("span", { class: "muted", text: "not kept" }),
          ),
        ),
      );
    });
    document.getElementById("page-info").textContent =
      "page " + (state.page + 1) + " of " + pages + " · " + state.filtered.length.toLocaleString("en-US") + " of " + sec.rows.length.toLocaleString("en-US") + " requests";
  }

  // ─── Wiring ───────────────────────────────────────────────────────────────
  function note(sec) {
    if (DATA.live)
      return (
        sec.total.toLocaleString("en-US") +
        " requests, each with its full detail (the newest " +
        DATA.live.max_rows.toLocaleString("en-US") +
        " are kept); new ones are added as the gateway finishes them."
      );
    return (
      sec.total.toLocaleString("en-US") +
      " requests of the first run; full detail kept for " +
      sec.detail_policy.kept.toLocaleString("en-US") +
      " (the first " +
      sec.detail_policy.first +
      ", then failed-over, failed and healed requests, up to " +
      sec.detail_policy.notable_max +
      ")."
    );
  }
  function render(keepPage) {
    var sec = section();
    document.getElementById("detail-note").textContent = note(sec);
    drawCharts(sec);
    fillFilters(sec);
    applyFilters(keepPage);
  }
  function selectScenario(i) {
    state.scenario = i;
    COL = {};
    section().columns.forEach(function (c, k) {
      COL[c] = k;
    });
    fillFilters(section());
    resetFilters();
    render(false);
  }
  var withRequests = [];
  DATA.scenarios.forEach(function (s, i) {
    if (s.requests) withRequests.push(i);
  });
  var picker = document.getElementById("scenario-picker");
  if (withRequests.length === 0) {
    document.getElementById("explorer").hidden = true;
    return;
  }
  withRequests.forEach(function (i) {
    picker.appendChild(h("option", { value: i, text: DATA.scenarios[i].name }));
  });
  picker.onchange = function () {
    selectScenario(Number(picker.value));
  };
  ["f-provider", "f-status", "f-healing", "f-cache", "f-failover"].forEach(function (id) {
    document.getElementById(id).onchange = applyFilters;
  });
  document.getElementById("f-id").oninput = applyFilters;
  document.getElementById("prev").onclick = function () {
    if (state.page > 0) {
      state.page--;
      drawTable();
    }
  };
  document.getElementById("next").onclick = function () {
    state.page++;
    drawTable();
  };
  document.getElementById("last").onclick = function () {
    state.page = Infinity;
    drawTable();
  };
  document.querySelectorAll("[data-explore]").forEach(function (a) {
    a.onclick = function (e) {
      e.preventDefault();
      picker.value = a.getAttribute("data-explore");
      selectScenario(Number(picker.value));
      document.getElementById("explorer").scrollIntoView();
    };
  });
  selectScenario(withRequests[0]);
  // The live page (live.js) grows the selected scenario's section in place, then asks for a redraw.
  window.gatewaySim.explorer = {
    data: DATA,
    refresh: function () {
      render(true);
    },
  };
  document.body.setAttribute("data-ready", "true");
})();

// serve's live /usage page: polls the usage log page by page (the list mode of GET /v1/generations,
// converted by the server into the run report's request rows) and appends each page to the
// explorer's section, then redraws. The API key is asked for only when the gateway needs one, and
// kept in this tab's sessionStorage; the page itself never carries a key the user chose.
(function () {
  "use strict";
  var G = window.gatewaySim,
    D = G.dom,
    explorer = G.explorer;
  if (!explorer || !explorer.data.live) return;
  var LIVE = explorer.data.live,
    sec = explorer.data.scenarios[0].requests;
  var KEY_ITEM = "gateway-sim.usage.key";
  // Redraw at least this often while catching up on a long backlog, so the page shows progress.
  var REDRAW_EVERY_PAGES = 10;
  var stored = sessionStorage.getItem(KEY_ITEM);
  // fromUser: the key was typed here (its rejection is worth showing), not the placeholder the server offered.
  var live = { cursor: "0", key: stored || LIVE.try_key, fromUser: Boolean(stored), elapsed: 0, pages: 0, changed: true };
  var status = document.getElementById("live-status"),
    exportLine = document.getElementById("live-export"),
    form = document.getElementById("live-key");

  function say(text) {
    status.textContent = text;
  }
  /** serve --export-usage: the export's counts so far, in red once a record is missing (dropped or lost). */
  function showExport(state) {
    if (!state) return;
    exportLine.hidden = false;
    exportLine.textContent = state.summary;
    exportLine.className = state.complete ? "muted" : "failed";
    document.body.setAttribute("data-export-dropped", String(state.dropped));
  }
  function indexIn(list, value) {
    var i = list.indexOf(value);
    return i >= 0 ? i : list.push(value) - 1;
  }
  /** Page-local provider/name/detail references become references into the growing section. */
  function merge(page) {
    var C = {};
    page.columns.forEach(function (c, k) {
      C[c] = k;
    });
    var prov = page.providers.map(function (p) {
      return indexIn(sec.providers, p);
    });
    var names = page.names.map(function (n) {
      return indexIn(sec.names, n);
    });
    var base = sec.details.length;
    page.rows.forEach(function (r) {
      var out = r.slice(),
        letters = [];
      out[C.provider] = r[C.provider] < 0 ? -1 : prov[r[C.provider]];
      out[C.name] = r[C.name] < 0 ? -1 : names[r[C.name]];
      out[C.attempt_providers] = r[C.attempt_providers].map(function (p) {
        return prov[p];
      });
      for (var q = 0; q < sec.providers.length; q++) letters.push("-");
      for (var k = 0; k < r[C.breakers].length; k++) letters[prov[k]] = r[C.breakers][k];
      out[C.breakers] = letters.join("");
      out[C.detail] = r[C.detail] < 0 ? -1 : base + r[C.detail];
      sec.rows.push(out);
    });
    page.details.forEach(function (d) {
      sec.details.push(d);
    });
    sec.phases = page.phases;
    trim();
    sec.total = sec.rows.length;
    sec.detail_policy.kept = sec.details.length;
  }
  /** Drops the oldest requests beyond max_rows; details were appended in row order, so theirs are the first ones. */
  function trim() {
    var extra = sec.rows.length - LIVE.max_rows,
      col = sec.columns.indexOf("detail");
    if (extra <= 0) return;
    var gone = sec.rows.splice(0, extra).filter(function (r) {
      return r[col] >= 0;
    }).length;
    sec.details.splice(0, gone);
    sec.rows.forEach(function (r) {
      if (r[col] >= 0) r[col] -= gone;
    });
  }
  function clearSection() {
    ["providers", "names", "rows", "details", "phases"].forEach(function (k) {
      sec[k].length = 0;
    });
    sec.total = 0;
    live.cursor = "0";
  }
  function redraw(changed) {
    if (changed) explorer.refresh();
    document.body.setAttribute("data-live-requests", String(sec.rows.length));
    say("live · " + sec.rows.length.toLocaleString("en-US") + " requests · " + D.span(live.elapsed) + " simulated · polling every " + D.span(LIVE.poll_ms));
  }
  // The one timer of the page: a browser page polls on the wall clock (no simulated clock here).
  function later() {
    setTimeout(poll, LIVE.poll_ms);
  }
  function askKey(message) {
    say("this gateway needs its API key (serve --key)");
    document.getElementById("live-key-error").textContent = message || "";
    form.hidden = false;
    document.getElementById("live-key-input").focus();
  }
  function answered(res, body) {
    if (res.status === 401) {
      sessionStorage.removeItem(KEY_ITEM);
      live.key = null;
      return askKey(live.fromUser ? body.description : "");
    }
    if (res.status === 400 && body.details && body.details[0] && body.details[0].keyword === "cursor") {
      clearSection(); // the server restarted: its log starts over, so does the page
      live.changed = true;
      return poll();
    }
    if (res.status !== 200) {
      say("error " + res.status + ": " + (body.description || "unexpected answer"));
      return later();
    }
    showExport(body.export);
    // Redrawing rebuilds the charts: skip it when nothing new came (phases grow while a fault lasts).
    live.changed = live.changed || body.section.rows.length > 0 || JSON.stringify(body.section.phases) !== JSON.stringify(sec.phases);
    merge(body.section);
    live.cursor = body.next_cursor;
    live.elapsed = body.elapsed_ms;
    live.pages++;
    if (body.has_more && live.pages % REDRAW_EVERY_PAGES !== 0) return poll();
    redraw(live.changed);
    live.changed = false;
    if (body.has_more) poll();
    else later();
  }
  function poll() {
    if (!live.key) return askKey("");
    fetch(LIVE.requests_path + "?after=" + encodeURIComponent(live.cursor) + "&limit=" + LIVE.page_limit, { headers: { authorization: "Bearer " + live.key }, cache: "no-store" })
      .then(function (res) {
        return res.json().then(function (body) {
          return { res: res, body: body };
        });
      })
      .then(
        function (got) {
          answered(got.res, got.body);
        },
        function (error) {
          say("disconnected (" + error.message + "); retrying every " + D.span(LIVE.poll_ms));
          later();
        },
      );
  }
  form.onsubmit = function (e) {
    e.preventDefault();
    live.key = document.getElementById("live-key-input").value.trim();
    if (!live.key) return;
    live.fromUser = true;
    sessionStorage.setItem(KEY_ITEM, live.key);
    form.hidden = true;
    say("connecting…");
    poll();
  };
  poll();
})();

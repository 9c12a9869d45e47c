// Shared by every page of the report's browser side (the static run report and serve's live
// /usage page): element building (text only, never innerHTML) and number formatting.
(function () {
  "use strict";
  var G = (window.gatewaySim = window.gatewaySim || {});

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs)
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) return;
        if (k === "text") el.textContent = String(attrs[k]);
        else if (k === "onclick" || k === "onchange" || k === "oninput") el[k] = attrs[k];
        else el.setAttribute(k, String(attrs[k]));
      });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      if (Array.isArray(c))
        c.forEach(function (x) {
          if (x) el.appendChild(x);
        });
      else el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return el;
  }
  function span(ms) {
    if (ms === null || ms === undefined) return "—";
    if (ms < 1000) return Math.round(ms * 10) / 10 + "ms";
    var s = ms / 1000;
    if (s < 60) return Math.round(s * 100) / 100 + "s";
    var m = Math.floor(s / 60),
      rest = Math.round(s - m * 60);
    return m + "m" + (rest ? rest + "s" : "");
  }
  function num(x) {
    if (typeof x !== "number") return String(x);
    if (x === 0 || (Math.abs(x) >= 0.001 && Math.abs(x) < 1e6)) return String(Number(x.toFixed(4)));
    return x.toPrecision(4);
  }
  function usd(x) {
    return "$" + (x < 0.01 ? x.toPrecision(3) : x.toFixed(4));
  }
  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }
  function table(headers, rows, attrs) {
    return h(
      "table",
      attrs || null,
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          headers.map(function (x) {
            return h("th", { text: x });
          }),
        ),
      ),
      h("tbody", null, rows),
    );
  }
  function kv(pairs) {
    return h(
      "dl",
      { class: "kv" },
      pairs.map(function (p) {
        return h("div", null, h("dt", { text: p[0] }), h("dd", { text: p[1] === null || p[1] === undefined ? "—" : String(p[1]) }));
      }),
    );
  }

  G.dom = { h: h, clear: clear, span: span, num: num, usd: usd, table: table, kv: kv };
})();

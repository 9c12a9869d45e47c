// The request explorer's markup, shared by the run report and serve's live /usage page: charts,
// filters, the paged request table and the detail dialog. client/app.js fills it in.

export const EXPLORER_HTML = `<section id="explorer">
<h2>Requests</h2>
<p><label>scenario <select id="scenario-picker"></select></label> <span class="muted" id="detail-note"></span></p>
<p class="muted">Shaded bands: degradation phases (the profiles' and the timeline's). Intervals are about 1/120 of the run.</p>
<div class="charts" id="charts"></div>
<div class="filters">
<label>provider <select id="f-provider"></select></label>
<label>status <select id="f-status"></select></label>
<label>healing <select id="f-healing"></select></label>
<label>cache <select id="f-cache"></select></label>
<label><input type="checkbox" id="f-failover"> failed over</label>
<label>id <input id="f-id" size="28" placeholder="G-…"></label>
</div>
<div class="pager"><button id="prev">‹ previous</button><button id="next">next ›</button><button id="last">last »</button><span id="page-info" class="muted"></span></div>
<table id="requests"><thead><tr><th>#</th><th>sent</th><th>id</th><th>name</th><th>provider</th><th>attempts</th><th>status</th><th>latency</th><th>first token</th><th>cost</th><th>healing</th><th>cache</th><th></th></tr></thead>
<tbody id="requests-body"></tbody></table>
</section>
<dialog id="detail"><div class="dialog-bar"><button id="detail-close">close</button></div><div id="detail-body"></div></dialog>`;

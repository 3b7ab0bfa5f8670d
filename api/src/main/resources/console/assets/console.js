// Vocero console: CSRF header on htmx requests, confirmations, audio seeking, drag-and-drop upload, batch chart.
(function () {
  "use strict";
  var csrf = document.querySelector('meta[name="csrf-token"]');
  document.body.addEventListener("htmx:configRequest", function (e) {
    if (csrf) { e.detail.headers["X-CSRF-Token"] = csrf.content; }
  });

  document.addEventListener("submit", function (e) {
    var form = e.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.getAttribute("data-confirm"))) { e.preventDefault(); }
  });

  // a transcript line, opportunity or alert seeks the player to its second
  document.addEventListener("click", function (e) {
    var seg = e.target.closest("[data-start]");
    var player = document.getElementById("player");
    if (!seg || !player) { return; }
    player.currentTime = parseFloat(seg.getAttribute("data-start"));
    var playing = player.play();
    if (playing && playing.catch) { playing.catch(function () {}); }
    document.querySelectorAll(".segment.current").forEach(function (s) { s.classList.remove("current"); });
    seg.classList.add("current");
  });

  // a chat citation opens a recording at ?t=passage-start&segment=n: seek to the quoted line (else to t) and mark it
  var params = new URLSearchParams(window.location.search);
  var cited = document.getElementById("player");
  if (cited && params.has("t")) {
    var seek = function () {
      var line = document.querySelector('#transcript .segment[data-index="' + parseInt(params.get("segment"), 10) + '"]');
      var at = line ? parseFloat(line.getAttribute("data-start")) : parseFloat(params.get("t"));
      if (!isNaN(at)) { cited.currentTime = at; }
      if (line) {
        line.classList.add("current");
        line.scrollIntoView({block: "center"});
      }
      cited.setAttribute("data-cited", String(at));
    };
    if (cited.readyState >= 1) { seek(); } else { cited.addEventListener("loadedmetadata", seek, {once: true}); }
  }

  // a form that htmx posted successfully is emptied for the next question
  document.body.addEventListener("htmx:afterRequest", function (e) {
    var f = e.target.closest && e.target.closest("form[data-reset-after]");
    if (f && e.detail.successful) { f.reset(); }
  });

  // an error shown in the alert area is scrolled into view, so a long form does not hide it
  document.body.addEventListener("htmx:afterSwap", function (e) {
    if (e.target && e.target.id === "flash" && e.target.scrollIntoView) { e.target.scrollIntoView({block: "nearest"}); }
  });

  // drag-and-drop upload with a progress bar; without JavaScript the form posts as usual
  var form = document.querySelector("form[data-upload]");
  if (form && window.FormData && window.XMLHttpRequest) {
    var input = form.querySelector('input[type="file"]');
    ["dragenter", "dragover"].forEach(function (t) {
      form.addEventListener(t, function (e) { e.preventDefault(); form.classList.add("dragging"); });
    });
    ["dragleave", "drop"].forEach(function (t) {
      form.addEventListener(t, function (e) { e.preventDefault(); form.classList.remove("dragging"); });
    });
    form.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; }
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var bar = document.getElementById("upload-progress");
      var button = form.querySelector('button[type="submit"]');
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("X-CSRF-Token", csrf ? csrf.content : "");
      xhr.setRequestHeader("HX-Request", "true");
      xhr.upload.addEventListener("progress", function (p) {
        if (p.lengthComputable) { bar.value = Math.round(p.loaded * 100 / p.total); }
      });
      xhr.addEventListener("load", function () {
        if (xhr.status >= 200 && xhr.status < 300 && xhr.responseURL.indexOf("/recordings/") >= 0) {
          window.location.href = xhr.responseURL;
        } else {
          document.getElementById("flash").innerHTML = xhr.responseText;
          button.disabled = false;
          bar.hidden = true;
        }
      });
      bar.hidden = false;
      bar.value = 0;
      button.disabled = true;
      xhr.send(new FormData(form));
    });
  }

  // the batch's progress over time, from each counts block the server sends
  var chart = null;
  var series = [[], [], []];
  function plotBatch() {
    var counts = document.getElementById("batch-counts");
    var box = document.getElementById("batch-chart");
    if (!counts || !box || !window.uPlot) { return; }
    series[0].push(Date.now() / 1000);
    series[1].push(parseInt(counts.getAttribute("data-started"), 10));
    series[2].push(parseInt(counts.getAttribute("data-finished"), 10));
    if (!chart) {
      chart = new uPlot({
        width: Math.min(560, box.clientWidth || 560), height: 220,
        series: [{}, {label: box.getAttribute("data-label-started"), stroke: "#2563eb"},
          {label: box.getAttribute("data-label-finished"), stroke: "#16a34a"}],
        scales: {y: {range: [0, Math.max(1, parseInt(counts.getAttribute("data-contacts"), 10))]}}
      }, series, box);
    } else {
      chart.setData(series);
    }
    box.setAttribute("data-points", String(series[0].length));
  }
  window.addEventListener("load", plotBatch);

  // a campaign's days: calls started and ended (bars side by side) and messages sent (line), from the table below
  function plotCampaign() {
    var box = document.getElementById("campaign-chart");
    if (!box || !window.uPlot) { return; }
    var rows = document.querySelectorAll("#campaign-days tbody tr[data-day]");
    var days = [];
    var data = [[], [], [], []];
    rows.forEach(function (r, i) {
      days.push(r.getAttribute("data-day"));
      data[0].push(i);
      data[1].push(parseInt(r.getAttribute("data-started"), 10));
      data[2].push(parseInt(r.getAttribute("data-finished"), 10));
      data[3].push(parseInt(r.getAttribute("data-messages"), 10));
    });
    var bars = function (align) {
      return uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({size: [0.3, 48], align: align}) : undefined;
    };
    new uPlot({
      width: Math.min(720, box.clientWidth || 720), height: 220,
      scales: {x: {time: false, range: [-0.5, Math.max(0.5, days.length - 0.5)]},
        y: {range: function (u, min, max) { return [0, Math.max(1, max)]; }}},
      axes: [{incrs: [1], values: function (u, splits) { return splits.map(function (v) { return days[v] || ""; }); }}, {}],
      series: [{label: box.getAttribute("data-label-day"), value: function (u, v) { return v == null ? "" : days[v]; }},
        {label: box.getAttribute("data-label-started"), stroke: "#2563eb", fill: "#2563eb88", paths: bars(-1)},
        {label: box.getAttribute("data-label-finished"), stroke: "#16a34a", fill: "#16a34a88", paths: bars(1)},
        {label: box.getAttribute("data-label-messages"), stroke: "#d97706", width: 2, points: {size: 7}}]
    }, data, box);
    box.setAttribute("data-points", String(rows.length));
  }
  window.addEventListener("load", plotCampaign);
  document.body.addEventListener("htmx:afterSettle", function (e) {
    if (e.target && e.target.id === "batch-live") { plotBatch(); }
  });
})();

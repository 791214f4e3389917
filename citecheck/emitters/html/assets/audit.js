/* citecheck audit: filters, search, counts, highlight <-> finding links, j/k navigation.
   Without this script the page shows everything, unfolded and unfiltered. */
(function () {
  "use strict";
  var toolbar = document.getElementById("toolbar");
  var search = document.getElementById("search");
  var findings = Array.prototype.slice.call(document.querySelectorAll("details.finding"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl[data-findings]"));
  var chips = Array.prototype.slice.call(document.querySelectorAll(".chip"));
  var groups = ["severity", "category", "code"];
  var chosen = { severity: {}, category: {}, code: {} };
  var current = null;
  var folded = true;

  toolbar.hidden = false;
  document.documentElement.style.setProperty("--bar", toolbar.offsetHeight + "px");
  findings.forEach(function (f) { f.open = false; });

  function passes(f, group) {
    var picked = chosen[group];
    return Object.keys(picked).length === 0 || picked[f.dataset[group]] === true;
  }
  function visible(f, except) {
    for (var i = 0; i < groups.length; i++) {
      if (groups[i] !== except && !passes(f, groups[i])) return false;
    }
    var query = search.value.trim().toLowerCase();
    return !query || f.textContent.toLowerCase().indexOf(query) >= 0;
  }
  function apply() {
    var shown = {};
    var tally = {};
    findings.forEach(function (f) {
      var ok = visible(f, null);
      f.hidden = !ok;
      if (!ok) return;
      shown[f.id] = true;
      [f.dataset.severity, f.dataset.report, f.dataset.report + ":" + f.dataset.severity]
        .forEach(function (key) { tally[key] = (tally[key] || 0) + 1; });
    });
    marks.forEach(function (m) {
      var live = m.dataset.findings.split(" ").some(function (id) { return shown[id]; });
      m.classList.toggle("dim", !live);
    });
    chips.forEach(function (chip) {
      var group = chip.dataset.group;
      var n = findings.filter(function (f) {
        return f.dataset[group] === chip.dataset.value && visible(f, group);
      }).length;
      chip.querySelector(".n").textContent = n;
      chip.classList.toggle("empty", n === 0);
    });
    document.querySelectorAll("[data-count]").forEach(function (el) {
      el.textContent = tally[el.dataset.count] || 0;
    });
    document.getElementById("shown").textContent =
      Object.keys(shown).length + " of " + findings.length + " shown";
    if (current && current.hidden) select(null);
  }
  function select(f) {
    if (current) current.classList.remove("current");
    document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    current = f;
    if (!f) return;
    f.classList.add("current");
    marks.forEach(function (m) {
      if (m.dataset.findings.split(" ").indexOf(f.id) >= 0) m.classList.add("current");
    });
  }
  function showSpan(f) {
    var anchor = document.getElementById("at-" + f.id);
    var target = anchor ? anchor.nextElementSibling || anchor : document.getElementById(f.dataset.report);
    if (target) target.scrollIntoView({ block: "center" });
  }
  function open(f, scrollToSpan) {
    f.open = true;
    select(f);
    f.scrollIntoView({ block: "nearest" });
    if (scrollToSpan) showSpan(f);
  }
  function step(delta) {
    var list = findings.filter(function (f) { return !f.hidden; });
    if (!list.length) return;
    var at = list.indexOf(current);
    var next = at < 0 ? (delta > 0 ? 0 : list.length - 1) : (at + delta + list.length) % list.length;
    open(list[next], true);
  }

  chips.forEach(function (chip) {
    chip.addEventListener("click", function () {
      var picked = chosen[chip.dataset.group];
      var on = chip.getAttribute("aria-pressed") !== "true";
      chip.setAttribute("aria-pressed", on ? "true" : "false");
      if (on) picked[chip.dataset.value] = true; else delete picked[chip.dataset.value];
      apply();
    });
  });
  search.addEventListener("input", apply);
  document.getElementById("next").addEventListener("click", function () { step(1); });
  document.getElementById("prev").addEventListener("click", function () { step(-1); });
  document.getElementById("reset").addEventListener("click", function () {
    groups.forEach(function (g) { chosen[g] = {}; });
    chips.forEach(function (chip) { chip.setAttribute("aria-pressed", "false"); });
    search.value = "";
    apply();
  });
  document.getElementById("fold").addEventListener("click", function (event) {
    folded = !folded;
    findings.forEach(function (f) { f.open = !folded; });
    event.target.textContent = folded ? "open all" : "fold all";
  });
  marks.forEach(function (m) {
    m.addEventListener("click", function () {
      var ids = m.dataset.findings.split(" ");
      var live = ids.map(function (id) { return document.getElementById(id); })
        .filter(function (f) { return f && !f.hidden; });
      if (!live.length) return;
      var at = live.indexOf(current);
      open(live[(at + 1) % live.length], false);
    });
  });
  findings.forEach(function (f) {
    f.querySelector("summary").addEventListener("click", function (event) {
      if (event.target.closest("a")) return;
      select(f);
      if (!f.open) showSpan(f);
    });
    f.querySelector("a.loc").addEventListener("click", function (event) {
      event.preventDefault();
      select(f);
      showSpan(f);
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target === search) {
      if (event.key === "Escape") search.blur();
      return;
    }
    if (event.key === "j" || event.key === "n") step(1);
    else if (event.key === "k" || event.key === "p") step(-1);
    else if (event.key === "/") { event.preventDefault(); search.focus(); }
    else if (event.key === "Escape") select(null);
  });
  var unfolded = [];
  window.addEventListener("beforeprint", function () {
    unfolded = findings.filter(function (f) { return !f.open; });
    unfolded.forEach(function (f) { f.open = true; });
  });
  window.addEventListener("afterprint", function () {
    unfolded.forEach(function (f) { f.open = false; });
  });
  var linked = location.hash && document.getElementById(location.hash.slice(1));
  if (linked && linked.classList.contains("finding")) open(linked, true);
  apply();
})();

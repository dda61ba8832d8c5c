/*
 * The archive's page behaviour, on top of Material's:
 *
 * - Cite in one action: beside every citable unit (an element with `data-cite`, such as a
 *   paragraph number), a button copies "IOM Council, MC/INF/285, 14 November 2006, para. 9,
 *   <permanent URL>#para-9" and says so in a status message. The citation comes from the
 *   page's citation_* meta tags and its canonical link, so a copy made in the offline bundle
 *   also names the permanent online address.
 * - Acronyms: every expansion can be reached by keyboard and on touch. An acronym that is
 *   also a link shows one tooltip (the link's), and a first tap on it shows the expansion;
 *   a second tap follows the link.
 * - Wide tables scroll inside their frame; a frame that scrolls can take the focus, so a
 *   keyboard can scroll it too.
 * - The documents index: the whole collection as a table that sorts by any column and filters
 *   by year, issuing body, type and language, from catalog.js (a script, so that it loads from
 *   file:// too). Without the script the index still lists the years, bodies, types and
 *   languages, each leading to a page of its documents.
 *
 * Runs before Material mounts its components (this script ends the body; Material waits
 * for DOMContentLoaded), works with instant navigation off and from file://.
 */
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
  var ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12V1z"/></svg>';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : "";
  }

  /* "2006/11/14" → "14 November 2006"; "2006/11" → "November 2006"; "2005" stays. */
  function humanDate(value) {
    var p = value.split("/");
    if (p.length === 3) return parseInt(p[2], 10) + " " + MONTHS[parseInt(p[1], 10) - 1] + " " + p[0];
    if (p.length === 2) return MONTHS[parseInt(p[1], 10) - 1] + " " + p[0];
    return value;
  }

  function permanentUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical ? canonical.href : location.href.split("#")[0];
  }

  /* "IOM Council, MC/INF/285, 14 November 2006, para. 9, https://…/mc-inf-285/#para-9" */
  function citation(label, anchor) {
    var symbol = meta("citation_technical_report_number");
    var title = meta("citation_title");
    return [
      meta("citation_author"),
      symbol || (title ? "“" + title + "”" : document.title),
      humanDate(meta("citation_date") || meta("citation_publication_date")),
      label,
      permanentUrl() + "#" + anchor
    ].filter(Boolean).join(", ");
  }

  /* Where the Clipboard API is missing or refused (some file:// pages), a selected textarea. */
  function copyBySelection(text, returnFocus) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "cite-scratch";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (err) {
      ok = false;
    }
    area.remove();
    returnFocus.focus();
    return ok;
  }

  function copy(text, button) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyBySelection(text, button); }
      );
    }
    return Promise.resolve(copyBySelection(text, button));
  }

  /* The status region exists before anything is said in it, so screen readers announce it. */
  var status = null;
  var statusTimer;

  function statusRegion() {
    status = document.createElement("div");
    status.className = "cite-status";
    status.setAttribute("role", "status");
    document.body.appendChild(status);
  }

  function announce(message) {
    status.textContent = message;
    status.classList.add("cite-status--visible");
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { status.classList.remove("cite-status--visible"); }, 6000);
  }

  function addCiteButtons(root) {
    var units = root.querySelectorAll("[data-cite][id]");
    Array.prototype.forEach.call(units, function (unit) {
      var label = unit.getAttribute("data-cite");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cite-button";
      button.setAttribute("aria-label", "Copy citation of " + label);
      button.innerHTML = ICON;
      button.addEventListener("click", function () {
        var text = citation(label, unit.id);
        copy(text, button).then(function (ok) {
          announce(ok ? "Citation copied: " + text : "Copying failed; the citation is: " + text);
          button.classList.toggle("cite-button--done", ok);
        });
      });
      if (/^H[1-6]$/.test(unit.tagName)) {
        unit.insertBefore(button, unit.querySelector(".headerlink"));  /* before the ¶ permalink */
      } else {
        unit.insertAdjacentElement("afterend", button);
      }
    });
  }

  function reachableAcronyms(root) {
    /* One tooltip per acronym: a linked acronym's link already carries the expansion. */
    Array.prototype.forEach.call(root.querySelectorAll("a[title] abbr"), function (abbr) {
      abbr.removeAttribute("title");
      abbr.closest("a").classList.add("acronym-link");
    });
    /* Focusable, so the expansion shows on keyboard focus and on a tap. */
    Array.prototype.forEach.call(root.querySelectorAll("abbr[title]"), function (abbr) {
      if (!abbr.closest("a")) abbr.tabIndex = 0;
    });
  }

  /* On touch, the first tap on a linked acronym shows its expansion; the next one follows it. */
  var firstTap = null;
  /* (The theme takes a link's title away while its tooltip shows: links are known by a class.) */
  document.addEventListener("pointerdown", function (ev) {
    var link = ev.pointerType === "touch" && ev.target.closest ? ev.target.closest("a.acronym-link") : null;
    firstTap = link && document.activeElement !== link ? link : null;
  }, true);
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("a.acronym-link") : null;
    if (link && link === firstTap) {
      ev.preventDefault();
      link.focus();
    }
    firstTap = null;
  }, true);

  /* A table frame that scrolls sideways can be focused (and so scrolled from the keyboard). */
  function markScrollingTables() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (frame) {
      var scrolls = frame.scrollWidth > frame.clientWidth + 1;
      frame.classList.toggle("scrolls", scrolls);
      if (scrolls) {
        frame.tabIndex = 0;
        frame.setAttribute("role", "region");
        frame.setAttribute("aria-label", "Table, scrolls sideways");
      } else {
        frame.removeAttribute("tabindex");
        frame.removeAttribute("role");
        frame.removeAttribute("aria-label");
      }
    });
  }

  /* --- The documents index ------------------------------------------------------------- */

  var FILTERS = [["year", "Year"], ["body", "Issuing body"], ["type", "Document type"], ["language", "Language"]];
  var COLUMNS = [["symbol", "Symbol"], ["title", "Title"], ["date", "Date"], ["body", "Issuing body"],
                 ["type", "Document type"]];

  function element(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function catalog(mount) {
    var rows = window.archiveCatalog || [];
    var state = { sort: "date", descending: false, filters: {} };
    var form = element("form", { "class": "catalog__filters", "aria-label": "Filter the documents" });
    FILTERS.forEach(function (f) {
      var values = rows.map(function (r) { return r[f[0]]; }).filter(function (v, i, a) { return v && a.indexOf(v) === i; });
      values.sort(function (a, b) { return f[0] === "year" ? (a < b ? 1 : -1) : a.localeCompare(b); });
      var label = element("label", {}, f[1] + " ");
      var select = element("select", { name: f[0] });
      select.appendChild(element("option", { value: "" }, "All"));
      values.forEach(function (v) { select.appendChild(element("option", { value: v }, v)); });
      select.addEventListener("change", function () { state.filters[f[0]] = select.value; render(); });
      label.appendChild(select);
      form.appendChild(label);
    });
    var count = element("p", { "class": "catalog__count", role: "status", "aria-live": "polite" });
    var table = element("table", { "class": "catalog__table" });
    var head = element("tr");
    COLUMNS.forEach(function (c) {
      var th = element("th", { scope: "col" });
      var button = element("button", { type: "button", "class": "catalog__sort" }, c[1]);
      button.addEventListener("click", function () {
        state.descending = state.sort === c[0] ? !state.descending : false;
        state.sort = c[0];
        render();
      });
      th.appendChild(button);
      head.appendChild(th);
    });
    table.appendChild(element("thead")).appendChild(head);
    var body = table.appendChild(element("tbody"));

    function render() {
      var shown = rows.filter(function (r) {
        return FILTERS.every(function (f) { return !state.filters[f[0]] || r[f[0]] === state.filters[f[0]]; });
      });
      shown.sort(function (a, b) {
        var x = a[state.sort] || "", y = b[state.sort] || "";
        if (!x || !y) return x === y ? 0 : (!x ? 1 : -1);  /* what is not recorded comes last, both ways */
        var order = String(x).localeCompare(String(y));
        return state.descending ? -order : order;
      });
      body.textContent = "";
      shown.forEach(function (r) {
        var tr = element("tr");
        tr.appendChild(element("td", {}, r.symbol || "—"));
        var td = element("td");
        td.appendChild(element("a", { href: r.page + (location.protocol === "file:" ? "index.html" : "") }, r.title));
        tr.appendChild(td);
        tr.appendChild(element("td", {}, r.shown || "—"));
        tr.appendChild(element("td", {}, r.body || "—"));
        tr.appendChild(element("td", {}, r.type || "—"));
        body.appendChild(tr);
      });
      Array.prototype.forEach.call(head.children, function (th, i) {
        th.setAttribute("aria-sort", COLUMNS[i][0] === state.sort ? (state.descending ? "descending" : "ascending") : "none");
      });
      count.textContent = shown.length + " of " + rows.length + " documents";
    }

    mount.appendChild(element("h2", { id: "all-documents" }, "All documents"));
    mount.appendChild(form);
    mount.appendChild(count);
    var frame = element("div", { "class": "catalog__scroll", tabindex: "0", role: "region", "aria-label": "All documents" });
    frame.appendChild(table);
    mount.appendChild(frame);
    render();
    mount.hidden = false;
  }

  var mount = document.querySelector("[data-catalog]");
  if (mount) {
    var script = document.createElement("script");
    script.src = mount.getAttribute("data-catalog");
    script.onload = function () { catalog(mount); };
    document.head.appendChild(script);
  }

  var article = document.querySelector("article") || document.body;
  if (article.querySelector("[data-cite][id]")) statusRegion();
  addCiteButtons(article);
  reachableAcronyms(article);

  /* Material wraps tables once the document is ready; mark them after that, and on resizing. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(markScrollingTables);
  } else {
    document.addEventListener("DOMContentLoaded", markScrollingTables);
  }
  var resizeTimer;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(markScrollingTables, 150);
  });
})();

// Progressive enhancement: sortable tables. Without JavaScript every table still reads in order.
(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var value = cell.getAttribute("data-sort");
    if (value === null) value = cell.textContent.trim();
    var number = value.replace(/\./g, "").replace(",", ".").replace("%", "");
    return number !== "" && !isNaN(number) ? parseFloat(number) : value.toLowerCase();
  }
  function sortBy(table, header, index) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("thead th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      if (x === y) return 0;
      return (x < y ? -1 : 1) * (ascending ? 1 : -1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function enhance(table) {
    if (table.dataset.sorteerbaar) return;
    table.dataset.sorteerbaar = "1";
    table.querySelectorAll("thead th").forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      button.setAttribute("aria-label", "Sorteer op " + th.textContent);
      button.addEventListener("click", function () { sortBy(table, th, index); });
      th.textContent = "";
      th.appendChild(button);
    });
  }
  // A table wider than the screen scrolls inside its box: make that box reachable by keyboard
  // (axe: scrollable-region-focusable), as a named region. Our own tables sit in .tabel-scroll;
  // Material wraps Markdown tables (the guide) in .md-typeset__scrollwrap. The check runs again
  // when the window changes size (a phone turned, a page zoomed in), both ways.
  var BOXES = ".tabel-scroll, .md-typeset__scrollwrap";
  function headingText(h) {
    var text = "";
    h.childNodes.forEach(function (n) { if (!(n.classList && n.classList.contains("headerlink"))) text += n.textContent; });
    return text.trim();
  }
  function label(box, heading, part, used) {
    var caption = box.querySelector("caption");
    var name = caption ? caption.textContent.trim() : heading ? "Tabel bij \u2018" + heading + "\u2019" : "Tabel";
    if (used[name] && part) name += ", " + part;  // the print edition repeats captions per region
    if (used[name]) name += " (" + (used[name] + 1) + ")";
    used[name] = (used[name] || 0) + 1;
    return name + " (horizontaal scrollen)";
  }
  function nameBoxes() {
    var heading = "", part = "", used = {};
    document.querySelectorAll(".md-content h1, .md-content h2, .md-content h3, .md-content h4, .md-content h5, .md-content h6, " + BOXES).forEach(function (el) {
      if (/^H[1-6]$/.test(el.tagName)) {
        heading = headingText(el);
        if (el.classList.contains("print-deel")) part = heading;
      } else if (!el.hasAttribute("data-scroll-label")) {
        el.setAttribute("data-scroll-label", label(el, heading, part, used));
      }
    });
  }
  // The line above a wide box that says more columns follow (issue 26); hidden while the table fits.
  function hint(box) {
    var line = box.previousElementSibling;
    if (line && line.classList.contains("scroll-hint")) return line;
    line = document.createElement("p");
    line.className = "scroll-hint";
    line.setAttribute("aria-hidden", "true");  // the region's name already says "horizontaal scrollen"
    line.textContent = "Deze tabel is breder dan het scherm: scroll in de tabel opzij voor de overige kolommen →";
    box.parentNode.insertBefore(line, box);
    return line;
  }
  function scrollable(box) {
    if (!box.hasAttribute("data-scroll-label")) return;
    var wide = box.scrollWidth > box.clientWidth;
    if (wide) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", box.getAttribute("data-scroll-label"));
      box.setAttribute("data-breed", "");
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
      box.removeAttribute("data-breed");
    }
    if (wide || (box.previousElementSibling && box.previousElementSibling.classList.contains("scroll-hint"))) hint(box).hidden = !wide;
  }
  function checkBoxes() { document.querySelectorAll(BOXES).forEach(scrollable); }
  // On a phone dossier.css shows each row of a data table as a block (display: block), and some
  // browsers then no longer tell a screen reader that it is a table. Explicit ARIA roles keep the
  // table, its rows, its column and row headers and its cells (the "responsive accessible table"
  // pattern); on the desktop they repeat what the elements already say.
  var ROLES = [["thead, tbody", "rowgroup"], ["tr", "row"], ["th[scope='col']", "columnheader"], ["th[scope='row']", "rowheader"], ["td", "cell"]];
  function keepTableRoles(table) {
    if (!table.tHead || table.hasAttribute("role")) return;
    table.setAttribute("role", "table");
    ROLES.forEach(function (pair) {
      table.querySelectorAll(pair[0]).forEach(function (el) { if (el.closest("table") === table) el.setAttribute("role", pair[1]); });
    });
  }
  // A long page's sections (details.inklap-smal) are open for every reader without JavaScript and on a
  // wide screen; on a phone they start folded, so the page is a list of headings to open (issue 26).
  function foldOnPhone() {
    if (!window.matchMedia || !window.matchMedia("(max-width: 44.9375em)").matches) return;
    var target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    document.querySelectorAll("details.inklap-smal[open]:not([data-ingeklapt])").forEach(function (d) {
      d.setAttribute("data-ingeklapt", "");
      if (!(target && d.contains(target))) d.open = false;
    });
  }
  var resizing = null;
  window.addEventListener("resize", function () { clearTimeout(resizing); resizing = setTimeout(checkBoxes, 150); });
  function init() {
    document.querySelectorAll("table.dossier-tabel").forEach(keepTableRoles);
    document.querySelectorAll("table.sorteerbaar").forEach(enhance);
    nameBoxes();
    checkBoxes();
    foldOnPhone();
    // Material's search is a dialog without a name (axe: aria-dialog-name).
    var search = document.querySelector(".md-search[role='dialog']");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Zoeken op deze site");
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();

// === Jaaragenda: filter the national calendar by region (issue 5) ===========================
// Progressive enhancement: without JavaScript the whole calendar shows and the filter stays
// hidden. With it, a labelled <select> hides other regions' meetings (national milestones stay),
// a live region reports how many meetings are shown, and ?regio=<slug> keeps the choice in the URL.
(function () {
  "use strict";
  function apply(container, select) {
    var value = select.value;
    var shown = 0;
    document.querySelectorAll("table.agenda-maand").forEach(function (table) {
      var visible = 0;
      table.querySelectorAll("tr.agenda-bijeenkomst").forEach(function (row) {
        var match = !value || row.getAttribute("data-regio") === value;
        row.hidden = !match;
        if (match) visible += 1;
      });
      shown += visible;
      var empty = table.querySelector("tr.agenda-leeg");
      if (empty) empty.hidden = !value || visible > 0;
    });
    var who = value ? "van " + select.options[select.selectedIndex].text : "van alle regio's";
    container.querySelector(".agenda-telling").textContent =
      shown + (shown === 1 ? " bijeenkomst " : " bijeenkomsten ") + who + " getoond; de landelijke mijlpalen blijven zichtbaar.";
  }
  function remember(value) {
    if (!window.history || !window.history.replaceState) return;
    var url = new URL(window.location.href);
    if (value) { url.searchParams.set("regio", value); } else { url.searchParams.delete("regio"); }
    window.history.replaceState(null, "", url.toString());
  }
  function setup(container) {
    if (container.dataset.actief) return;
    container.dataset.actief = "1";
    var select = container.querySelector("select");
    var wanted = new URLSearchParams(window.location.search).get("regio");
    Array.prototype.forEach.call(select.options, function (option) { if (option.value === wanted) select.value = wanted; });
    select.addEventListener("change", function () { apply(container, select); remember(select.value); });
    apply(container, select);
    container.hidden = false;
  }
  function init() { document.querySelectorAll("[data-agenda-filter]").forEach(setup); }
  if (typeof document$ !== "undefined") { document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
// === end jaaragenda filter ===================================================================

// === Print (issue 8) =========================================================================
// A printed link is only useful with its address: give every link to another page a
// data-print-href with the full address, which the print stylesheet shows after the link text.
// Closed <details> (chart data tables) open for printing and close again afterwards.
(function () {
  "use strict";
  function addresses() {
    document.querySelectorAll(".md-content a[href]").forEach(function (a) {
      var raw = a.getAttribute("href");
      if (!raw || raw.charAt(0) === "#" || /^(mailto|tel|javascript):/i.test(raw) || /^https?:/i.test(raw)) return;
      a.setAttribute("data-print-href", a.href);
    });
  }
  // Paper is white: a reader who uses the dark scheme prints in the light one (otherwise pale
  // text and links land on white paper, at 1.4:1), and gets the dark scheme back afterwards.
  var darkScheme = null;
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; d.setAttribute("data-print-geopend", ""); });
    if (document.body.getAttribute("data-md-color-scheme") === "slate") {
      darkScheme = "slate";
      document.body.setAttribute("data-md-color-scheme", "default");
    }
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-print-geopend]").forEach(function (d) { d.open = false; d.removeAttribute("data-print-geopend"); });
    if (darkScheme) {
      document.body.setAttribute("data-md-color-scheme", darkScheme);
      darkScheme = null;
    }
  });
  if (typeof document$ !== "undefined") { document$.subscribe(addresses); } else { document.addEventListener("DOMContentLoaded", addresses); }
})();
// === end print ===============================================================================

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
  function init() { document.querySelectorAll("table.sorteerbaar").forEach(enhance); }
  if (typeof document$ !== "undefined") { document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();

// The site's one search (docs/search.md): Pagefind, the same on every engine.
// On every page: "/" or "s" puts the focus in the header's search field (as Material's own
// search did). On the search page (zoeken.md): Pagefind's interface, in Dutch, runs the words
// that came with ?q= and keeps ?q= up to date, so Back returns to the same results.
// Loaded from extra_javascript: no inline script anywhere (the site's Content-Security-Policy).
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("..", script.src);  // this file is assets/zoeken.js: one folder below the site's root
  var TEXTS = {
    placeholder: "Zoek in het dossier",
    clear_search: "Wissen",
    load_more: "Meer resultaten",
    search_label: "Zoek in het dossier",
    zero_results: "Niets gevonden voor [SEARCH_TERM]",
    many_results: "[COUNT] pagina's gevonden voor [SEARCH_TERM]",
    one_result: "1 pagina gevonden voor [SEARCH_TERM]",
    searching: "Zoeken naar [SEARCH_TERM]…"
  };

  function typing(target) {
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  document.addEventListener("keydown", function (event) {
    if ((event.key !== "/" && event.key !== "s") || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var field = document.querySelector("#dossier-zoekterm, .dossier-zoeken input[type=text], .dossier-zoeken input[type=search]");
    if (!field) return;
    event.preventDefault();
    field.focus();
  });

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function say(box, text) {
    var message = document.createElement("p");
    message.className = "dossier-zoeken__melding";
    message.textContent = text;
    box.replaceChildren(message);
  }

  function searchPage(box) {
    if (location.protocol === "file:") {
      say(box, "Zoeken werkt niet in een kopie op uw eigen computer: open de site via een webadres.");
      return;
    }
    var bundle = new URL("pagefind/", root);
    Promise.all([
      load("link", { rel: "stylesheet", href: new URL("pagefind-ui.css", bundle).href }),
      load("script", { src: new URL("pagefind-ui.js", bundle).href })
    ]).then(function () {
      var ui = new window.PagefindUI({
        element: "#" + box.id,
        bundlePath: bundle.pathname,
        baseUrl: root.pathname,
        showImages: false,
        showSubResults: true,
        autofocus: true,
        translations: TEXTS,
        processTerm: function (term) {
          var url = new URL(location.href);
          if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
          history.replaceState(null, "", url);
          return term;
        }
      });
      var words = new URLSearchParams(location.search).get("q");
      if (words) ui.triggerSearch(words);
    }, function () {
      say(box, "De zoekfunctie kon niet worden geladen. Probeer het later opnieuw, of gebruik het menu.");
    });
  }

  function start() {
    var box = document.getElementById("dossier-zoeken");
    if (box) searchPage(box);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();

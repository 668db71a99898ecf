// The inline content script of Material for MkDocs and Zensical (partials/javascripts/content.html),
// unchanged, as a file: a link to a content tab opens that tab.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))

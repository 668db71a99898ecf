// The inline head script of Material for MkDocs and Zensical (partials/javascripts/base.html), as
// a file, so the Content-Security-Policy needs no inline script. The theme's bundle reads these
// globals. The one change: the scope (the site's root) is the folder above this file's assets/
// folder, where the inline version takes the page's base_url. Zensical's additions (a scope that
// ends in "/", data-platform) are harmless to Material.
__md_scope = new URL("..", document.currentScript.src),
__md_scope.pathname.endsWith("/") || (__md_scope = new URL(__md_scope.pathname + "/", location)),
__md_hash = e => [...e].reduce((e, t) => (e << 5) - e + t.charCodeAt(0), 0),
__md_get = (e, t = localStorage, _ = __md_scope) => JSON.parse(t.getItem(_.pathname + "." + e)),
__md_set = (e, t, _ = localStorage, a = __md_scope) => { try { _.setItem(a.pathname + "." + e, JSON.stringify(t)) } catch (e) {} },
document.documentElement.setAttribute("data-platform", navigator.platform);

// Before Decap's bundle: start Decap only when invulhulp.js says so (CMS.init with our configuration).
// A file, not an inline script: the page's Content-Security-Policy allows only the site's own files.
window.CMS_MANUAL_INIT = true;

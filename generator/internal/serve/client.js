// Live reload for the dev server (see package serve). Each state from the
// server says which good build the site is at (gen), whether the latest
// build failed, and its errors. A tab reloads when its page is older than
// the site, swaps stylesheets when only CSS changed, and shows an overlay
// while the build is broken.
(function () {
  "use strict";
  var script = document.currentScript;
  var gen = Number(script.dataset.gen);
  var server = script.dataset.server;
  var scrollKey = "fc-scroll:" + location.pathname;
  var reloading = false;
  var dismissed = "";

  // Keep the reader where they were across reloads.
  var y = sessionStorage.getItem(scrollKey);
  if (y !== null) {
    sessionStorage.removeItem(scrollKey);
    window.scrollTo(0, Number(y));
    window.addEventListener("load", function () { window.scrollTo(0, Number(y)); });
  }

  function reload() {
    reloading = true;
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    location.reload();
  }

  // swapCSS loads each same-origin stylesheet again, removing the old link
  // once the new one has loaded, so the page never shows unstyled.
  function swapCSS(g) {
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (old) {
      var u = new URL(old.href, location.href);
      if (u.origin !== location.origin) return;
      u.searchParams.set("__reload", String(g));
      var link = old.cloneNode();
      link.href = u.href;
      link.onload = link.onerror = function () { old.remove(); };
      old.after(link);
    });
  }

  function apply(s) {
    if (reloading) return;
    if (s.server !== server) { reload(); return; } // the server restarted
    if (!s.ok) { showOverlay(s.errors, s.l10n || {}); return; }
    hideOverlay();
    if (s.gen <= gen) return;
    if (s.css && s.gen === gen + 1) { gen = s.gen; swapCSS(gen); return; }
    reload();
  }

  function hideOverlay() {
    var o = document.getElementById("__fc-overlay");
    if (o) o.remove();
    dismissed = "";
  }

  // text is message key of the overlay in the site's language (l10n, the
  // server's locale.ScriptData), with n in place of its %d, or English.
  function text(l10n, key, n) {
    var t = (l10n.texts || {})[key] || key;
    if (typeof t === "object") {
      var cat = window.Intl && Intl.PluralRules ? new Intl.PluralRules(l10n.lang || "en").select(n) : "other";
      t = t[cat] || t.other;
    }
    var digits = l10n.digits || "";
    var num = String(n).replace(/[0-9]/g, function (d) { return digits ? digits[d] : d; });
    return t.replace(/%(\[1\])?d/, num);
  }

  // showOverlay lists the errors in a panel at the top, in the site's
  // language and direction. Text goes in with textContent only, so a
  // message can never become markup.
  function showOverlay(errors, l10n) {
    var key = JSON.stringify(errors);
    if (key === dismissed) return;
    var old = document.getElementById("__fc-overlay");
    if (old && old.dataset.key === key) return;
    if (old) old.remove();
    var o = el("div", "position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:60vh;overflow:auto;" +
      "background:#fff5f5;color:#1a1a1a;border-bottom:4px solid #c62828;box-shadow:0 4px 16px rgba(0,0,0,.3);" +
      "font:15px/1.5 system-ui,sans-serif;padding-block:1rem;padding-inline:1.25rem 3rem;text-align:start");
    o.id = "__fc-overlay";
    o.dataset.key = key;
    o.setAttribute("role", "alert");
    var close = el("button", "position:absolute;top:.5rem;inset-inline-end:.75rem;font:inherit;font-size:1.5rem;line-height:1;" +
      "border:0;background:none;color:inherit;cursor:pointer");
    close.textContent = "\u00d7";
    close.title = text(l10n, "Dismiss");
    close.setAttribute("aria-label", close.title);
    close.onclick = function () { dismissed = key; o.remove(); };
    var h = el("strong", "display:block;color:#c62828;margin-bottom:.5rem");
    h.textContent = text(l10n, "The site has %d errors; you are seeing the last good build. Fix the files and this page reloads.", errors.length);
    var list = el("ul", "margin:0;padding:0;list-style:none");
    errors.forEach(function (e) {
      var li = el("li", "margin:.5rem 0;white-space:pre-wrap;overflow-wrap:anywhere");
      li.dir = "auto"; // diagnostics are in English, whatever the page's direction
      if (e.pos) {
        var pos = el("code", "font:13px/1.5 ui-monospace,monospace;font-weight:bold;margin-inline-end:.5em");
        pos.textContent = e.pos;
        li.appendChild(pos);
      }
      li.appendChild(document.createTextNode(e.message));
      list.appendChild(li);
    });
    o.append(close, h, list);
    document.body.appendChild(o);
  }

  function el(tag, css) {
    var e = document.createElement(tag);
    e.style.cssText = css;
    return e;
  }

  // connect opens the event stream; each state goes to this tab and, over
  // the channel, to the others.
  var channel = "BroadcastChannel" in window ? new BroadcastChannel("fc-reload") : null;
  if (channel) channel.onmessage = function (e) { apply(e.data); };
  function connect() {
    var es = new EventSource("/__reload/events");
    es.addEventListener("state", function (e) {
      var s = JSON.parse(e.data);
      if (channel) channel.postMessage(s);
      apply(s);
    });
    return es;
  }

  if (channel && navigator.locks) {
    // One tab at a time holds the lock, and with it the only stream; when
    // it closes or reloads, the next tab waiting gets the lock.
    navigator.locks.request("fc-reload-leader", function () {
      connect();
      return new Promise(function () {});
    });
  } else {
    // Without locks, keep a stream only while the tab is visible, so that
    // hidden tabs leave connections to the visible ones.
    var es = null;
    var sync = function () {
      if (document.hidden && es) { es.close(); es = null; }
      else if (!document.hidden && !es) { es = connect(); }
    };
    document.addEventListener("visibilitychange", sync);
    sync();
  }
  // A follower learns the state now, not at the next build.
  fetch("/__reload/errors", { cache: "no-store" })
    .then(function (r) { return r.json(); })
    .then(apply)
    .catch(function () {});
})();

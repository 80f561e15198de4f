// MediaNest portal: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  var body = document.body;
  document.documentElement.classList.add("js");

  // Posters that cannot load (TMDB unreachable, a stale URL): hide the broken image and show the same
  // placeholder as a title without a poster. "error" does not bubble, so it is caught on the way down.
  function brokenPoster(img) {
    if (img.classList.contains("failed") || !img.parentNode) { return; }
    img.classList.add("failed");
    var ph = document.createElement("span");
    ph.className = "noposter" + (img.classList.contains("poster") ? " poster" : "");
    if (img.alt) { ph.setAttribute("role", "img"); ph.setAttribute("aria-label", img.alt); }
    else { ph.setAttribute("aria-hidden", "true"); }
    img.parentNode.insertBefore(ph, img.nextSibling);
  }
  document.addEventListener("error", function (e) {
    if (e.target && e.target.tagName === "IMG") { brokenPoster(e.target); }
  }, true);
  document.querySelectorAll("img[src]").forEach(function (img) {
    if (img.complete && img.naturalWidth === 0) { brokenPoster(img); }
  });

  // Live updates: on any event from the server-sent stream, re-read this page and swap the parts marked
  // data-live-part (matched by id). At most one refresh in flight, a trailing one if more events came.
  var liveUrl = body.getAttribute("data-live");
  var busy = false, again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(location.href, { credentials: "same-origin", headers: { "X-Requested-With": "live" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-live-part][id]").forEach(function (el) {
          var fresh = doc.getElementById(el.id);
          if (fresh && fresh.innerHTML !== el.innerHTML && !el.contains(document.activeElement)) {
            el.innerHTML = fresh.innerHTML;
          }
        });
      })
      .catch(function () { })
      .then(function () {
        busy = false;
        if (again) { again = false; setTimeout(refresh, 100); }
      });
  }
  // The stream opens once the page has been shown for a moment: someone flicking through pages does not
  // leave a trail of streams the server only notices are gone at its next probe (each user may hold a few).
  // A stream the server refused (too many open) is tried again a little later.
  var es = null, opener = null;
  function openLive() {
    opener = null;
    es = new EventSource(liveUrl);
    ["request.updated", "download.progress", "service.status"].forEach(function (type) {
      es.addEventListener(type, refresh);
    });
    es.addEventListener("error", function () {
      if (es && es.readyState === 2 && !opener) { es = null; opener = setTimeout(openLive, 15000); }
    });
  }
  if (liveUrl && window.EventSource) {
    opener = setTimeout(openLive, 800);
    window.addEventListener("pagehide", function () {
      if (opener) { clearTimeout(opener); opener = null; }
      if (es) { es.close(); es = null; }
    });
    window.addEventListener("pageshow", function (e) {
      if (e.persisted && !es && !opener) { opener = setTimeout(openLive, 800); }
    });
  }

  // "Load more": fetch the next page and append its rows instead of navigating.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-load-more]");
    if (!a) { return; }
    e.preventDefault();
    fetch(a.href, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var listId = a.getAttribute("data-load-more");
      var list = document.getElementById(listId), more = doc.getElementById(listId);
      if (list && more) {
        Array.prototype.slice.call(more.children).forEach(function (li) { list.appendChild(li); });
        list.removeAttribute("data-live-part");
      }
      var next = doc.querySelector("a[data-load-more]");
      if (next) { a.href = next.href; } else { a.parentNode.removeChild(a); }
    });
  });

  // "Select all" in the approval queue (shown only when scripts run).
  document.addEventListener("change", function (e) {
    var form = e.target.getAttribute && e.target.getAttribute("data-select-all");
    if (!form) { return; }
    document.querySelectorAll("input[name=id][form='" + form + "']").forEach(function (box) {
      box.checked = e.target.checked;
    });
  });

  // "Sign in with Plex" opens a small window; it reloads this page when the sign-in is done.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-popup]");
    if (!a) { return; }
    var w = window.open(a.href, "plex-signin", "width=520,height=680");
    if (w) { e.preventDefault(); }
  });

  // In the Plex window: poll until plex.tv confirms, then continue by itself.
  var state = document.querySelector("[data-poll]");
  if (state) {
    var form = document.getElementById("plex-finish");
    var timer = setInterval(function () {
      fetch(state.getAttribute("data-poll"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { state: "gone" }; })
        .then(function (s) {
          if (s.state === "authorized") {
            clearInterval(timer);
            state.textContent = "Plex confirmed. Signing you in…";
            form.submit();
          } else if (s.state === "gone") {
            clearInterval(timer);
            state.textContent = "This sign-in expired. Close this window and start again.";
          }
        }).catch(function () { });
    }, 1000);
  }

  // After a Plex sign-in in the small window: take the main window home and close this one.
  if (document.querySelector("[data-plex-done]") && window.opener && !window.opener.closed) {
    try { window.opener.location.assign("/"); window.close(); } catch (err) { location.assign("/"); }
  }
}());

/*
 * Briefing site: client-side timeline filtering.
 *
 * For every <form class="bf-filter"> on the page, the <select name="actor">
 * and <select name="topic"> choose an id ("" means all). Events
 * (li.bf-event) whose space-separated data-actors / data-topics do not
 * contain the chosen id are hidden, and so are the month/year groups
 * (.bf-period) left with no visible event.
 *
 * Also, on source pages: the paragraph named by the URL's #pN gets the class
 * bf-para--target. A quote link ends in #pN:~:text=…; when the text fragment
 * matches, Chromium highlights the words but no element is :target, so
 * .bf-para:target alone would not show which paragraph was meant.
 *
 * And one accessibility repair to the theme's markup: Material's search
 * dialog (div.md-search[role=dialog]) has no accessible name; it gets one.
 *
 * No server, no network: works from file:// and under Material's instant
 * navigation (document$ emits once per page).
 */
(function () {
  "use strict";

  function tokens(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  function selected(form, name) {
    var control = form.querySelector('select[name="' + name + '"]');
    return control ? control.value : "";
  }

  /* The timeline a form filters: the one named by data-target / aria-controls,
     else the next .bf-timeline after the form, else every event on the page. */
  function scopeOf(form) {
    var id = form.getAttribute("data-target") || form.getAttribute("aria-controls");
    if (id) {
      var named = document.getElementById(id.replace(/^#/, ""));
      if (named) return named;
    }
    var all = document.querySelectorAll(".bf-timeline");
    for (var i = 0; i < all.length; i++) {
      if (form.compareDocumentPosition(all[i]) & Node.DOCUMENT_POSITION_FOLLOWING) {
        return all[i];
      }
    }
    return all.length ? all[0] : document;
  }

  function status(form) {
    var node = form.querySelector(".bf-filter__status");
    if (!node) {
      node = document.createElement("p");
      node.className = "bf-filter__status";
      node.setAttribute("role", "status");
      node.setAttribute("aria-live", "polite");
      form.appendChild(node);
    }
    return node;
  }

  function apply(form) {
    var actor = selected(form, "actor");
    var topic = selected(form, "topic");
    var scope = scopeOf(form);
    var events = scope.querySelectorAll("li.bf-event");
    var shown = 0;

    for (var i = 0; i < events.length; i++) {
      var event = events[i];
      var keep =
        (!actor || tokens(event.getAttribute("data-actors")).indexOf(actor) !== -1) &&
        (!topic || tokens(event.getAttribute("data-topics")).indexOf(topic) !== -1);
      event.hidden = !keep;
      if (keep) shown++;
    }

    /* A period is hidden when none of its events (at any depth) is shown. */
    var periods = scope.querySelectorAll(".bf-period");
    for (var j = 0; j < periods.length; j++) {
      var period = periods[j];
      var inside = period.querySelectorAll("li.bf-event");
      var visible = false;
      for (var k = 0; k < inside.length; k++) {
        if (!inside[k].hidden) {
          visible = true;
          break;
        }
      }
      period.hidden = inside.length > 0 && !visible;
    }

    var text;
    if (!actor && !topic) {
      text = "";
    } else if (shown === 1) {
      text = "1 of " + events.length + " events shown.";
    } else {
      text = shown + " of " + events.length + " events shown.";
    }
    status(form).textContent = text;
  }

  function markTarget() {
    var old = document.querySelectorAll(".bf-para--target");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("bf-para--target");
    var match = /^#(p\d+)$/.exec(location.hash);
    if (!match) return;
    var para = document.getElementById(match[1]);
    if (para && para.classList.contains("bf-para")) para.classList.add("bf-para--target");
  }

  function nameSearchDialog() {
    var dialogs = document.querySelectorAll('.md-search[role="dialog"]');
    for (var i = 0; i < dialogs.length; i++) {
      var d = dialogs[i];
      if (!d.hasAttribute("aria-label") && !d.hasAttribute("aria-labelledby")) {
        d.setAttribute("aria-label", "Search");
      }
    }
  }

  function setup(root) {
    markTarget();
    nameSearchDialog();
    var forms = (root || document).querySelectorAll("form.bf-filter");
    for (var i = 0; i < forms.length; i++) {
      var form = forms[i];
      if (form.getAttribute("data-bf-ready") === "1") {
        apply(form);
        continue;
      }
      form.setAttribute("data-bf-ready", "1");
      (function (f) {
        var run = function () {
          apply(f);
        };
        f.addEventListener("change", run);
        f.addEventListener("input", run);
        f.addEventListener("submit", function (ev) {
          ev.preventDefault();
          run();
        });
        /* reset restores the selects after the event; filter afterwards. */
        f.addEventListener("reset", function () {
          window.setTimeout(run, 0);
        });
      })(form);
      /* The browser may restore a previous choice (back/forward cache). */
      apply(form);
    }
  }

  window.addEventListener("hashchange", markTarget);

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      setup(document);
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      setup(document);
    });
  } else {
    setup(document);
  }
})();

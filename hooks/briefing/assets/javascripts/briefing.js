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
 * Graphs (svg.bf-graph-svg in div.bf-graph-scroll): each SVG gets its viewBox
 * width as --bf-graph-vbw (the CSS keeps narrow screens at a readable scale),
 * a scroll box that overflows starts centred on the drawing, and the nodes
 * (svg a[data-bf-preview]) get a tooltip like Material's link tooltips, which
 * do not reach into SVG: shown on hover and keyboard focus, hidden on
 * mouseleave, blur and Escape, kept inside the viewport, filled with
 * textContent only. The nodes' native <title> tooltips would double it, so
 * they are removed (the aria-label still names each node), and a label cut
 * in mid-word ends at its last whole word (WCAG 2.5.3, label in name).
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

  /* ---------------------------------------------------------------------
   * Graph previews
   * ------------------------------------------------------------------- */

  var NODE = "svg a[data-bf-preview]";
  var GAP = 8; /* px between the node and the tooltip, and from the edges */
  var tip = null; /* the one shared tooltip element */
  var current = null; /* the node it is shown for */
  var dismissed = null; /* the node whose tooltip Escape closed */
  var hideTimer = 0;

  function nodeOf(target) {
    return target && target.nodeType === 1 && typeof target.closest === "function"
      ? target.closest(NODE)
      : null;
  }

  function tooltip() {
    if (tip && document.documentElement.contains(tip)) return tip;
    tip = document.createElement("div");
    tip.className = "bf-tooltip";
    tip.id = "bf-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    /* The pointer may move onto the tooltip without closing it (WCAG 1.4.13). */
    tip.addEventListener("mouseenter", function () {
      window.clearTimeout(hideTimer);
    });
    tip.addEventListener("mouseleave", function () {
      scheduleHide();
    });
    /* Inside <main>, so that it belongs to a landmark (axe rule region). */
    (document.querySelector("main") || document.body).appendChild(tip);
    return tip;
  }

  function place(node) {
    var box = tooltip();
    var shape = node.querySelector("circle, rect, ellipse, polygon, path") || node;
    var r = shape.getBoundingClientRect();
    var whole = node.getBoundingClientRect();
    var vw = document.documentElement.clientWidth || window.innerWidth;
    var vh = window.innerHeight;
    var header = document.querySelector(".md-header");
    var ceiling = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    var w = box.offsetWidth;
    var h = box.offsetHeight;

    /* Centred on the node's shape, above the whole node (shape and label,
       which may be rotated) or else below it; failing both, beside it.
       Always inside the viewport, under the header. */
    var top = whole.top - GAP - h;
    var left = r.left + r.width / 2 - w / 2;
    var below = false;
    if (top < ceiling + GAP) {
      if (whole.bottom + GAP + h <= vh - GAP) {
        top = whole.bottom + GAP;
        below = true;
      } else {
        top = r.top + r.height / 2 - h / 2;
        left = whole.right + GAP + w <= vw - GAP ? whole.right + GAP : whole.left - GAP - w;
      }
    }
    top = Math.min(Math.max(ceiling + GAP, top), Math.max(ceiling + GAP, vh - GAP - h));
    left = Math.min(Math.max(GAP, left), Math.max(GAP, vw - GAP - w));

    box.classList.toggle("bf-tooltip--below", below);
    box.style.left = Math.round(left) + "px";
    box.style.top = Math.round(top) + "px";
  }

  function show(node) {
    var text = node.getAttribute("data-bf-preview");
    if (!text) return;
    window.clearTimeout(hideTimer);
    if (current && current !== node) hide();
    var box = tooltip();
    current = node;
    box.textContent = text;
    box.hidden = false;
    /* The accessible name usually is the preview already; describe otherwise. */
    if (text !== node.getAttribute("aria-label")) {
      node.setAttribute("aria-describedby", box.id);
    }
    place(node);
    void box.offsetWidth; /* start the fade-in from the hidden state */
    box.classList.add("bf-tooltip--active");
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (current && current.getAttribute("aria-describedby") === "bf-tooltip") {
      current.removeAttribute("aria-describedby");
    }
    current = null;
    if (tip) {
      tip.classList.remove("bf-tooltip--active");
      tip.hidden = true;
    }
  }

  function scheduleHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 120);
  }

  var listening = false;

  function listen() {
    if (listening) return;
    listening = true;

    /* mouseenter and mouseleave do not bubble: listen in the capture phase. */
    document.addEventListener("mouseenter", function (ev) {
      var t = ev.target;
      if (t && t.nodeType === 1 && typeof t.matches === "function" && t.matches(NODE)) {
        if (dismissed !== t) show(t);
      }
    }, true);
    document.addEventListener("mouseleave", function (ev) {
      var t = ev.target;
      if (t && t.nodeType === 1 && typeof t.matches === "function" && t.matches(NODE)) {
        if (dismissed === t) dismissed = null;
        if (current === t) scheduleHide();
      }
    }, true);
    document.addEventListener("focusin", function (ev) {
      var node = nodeOf(ev.target);
      dismissed = null;
      if (node) show(node);
    });
    document.addEventListener("focusout", function (ev) {
      var node = nodeOf(ev.target);
      if (node && node === current) hide();
    });
    document.addEventListener("keydown", function (ev) {
      if ((ev.key === "Escape" || ev.key === "Esc") && current) {
        dismissed = current;
        hide();
      }
    });
    /* Follow the node while the page or its scroll box moves. */
    var queued = false;
    function follow() {
      if (!current || queued) return;
      queued = true;
      window.requestAnimationFrame(function () {
        queued = false;
        if (!current) return;
        if (!document.documentElement.contains(current)) {
          hide();
          return;
        }
        place(current);
      });
    }
    window.addEventListener("scroll", follow, true);
    window.addEventListener("resize", follow);
  }

  /* A label shortened in mid-word ("Harbour co…") is not a run of words of the
     node's name, which speech-input users say (WCAG 2.5.3, axe rule
     label-content-name-mismatch): end it at the last whole word instead. */
  var WORD_CHAR = /[^\s.,;:!?\u2026)\]"'\u2019\u201d\u2013\u2014-]/;

  function wholeWords(node) {
    var name = node.getAttribute("aria-label") || "";
    var labels = node.querySelectorAll("text");
    for (var i = 0; i < labels.length; i++) {
      var label = labels[i].textContent;
      if (label.slice(-1) !== "\u2026") continue;
      var stem = label.slice(0, -1);
      if (name.indexOf(stem) !== 0 || !WORD_CHAR.test(name.charAt(stem.length))) continue;
      var cut = stem.replace(/\s*\S*$/, "").replace(/[\s.,;:\u2013\u2014-]+$/, "");
      if (cut) labels[i].textContent = cut + "\u2026";
    }
  }

  function setupGraphs(root) {
    var svgs = root.querySelectorAll("svg.bf-graph-svg, .bf-graph svg");
    for (var i = 0; i < svgs.length; i++) {
      var svg = svgs[i];
      var vb = svg.viewBox && svg.viewBox.baseVal;
      if (vb && vb.width > 0) svg.style.setProperty("--bf-graph-vbw", vb.width + "px");
    }
    var nodes = root.querySelectorAll(NODE);
    for (var j = 0; j < nodes.length; j++) {
      var titles = nodes[j].querySelectorAll(":scope > title");
      if (nodes[j].getAttribute("aria-label")) {
        for (var k = 0; k < titles.length; k++) titles[k].parentNode.removeChild(titles[k]);
      }
      wholeWords(nodes[j]);
    }
    /* A drawing wider than its box starts centred: the page's own entity is
       in the middle. Only once, so a position the browser restored stays. */
    var boxes = root.querySelectorAll(".bf-graph-scroll");
    for (var m = 0; m < boxes.length; m++) {
      var box = boxes[m];
      if (box.getAttribute("data-bf-centred") === "1") continue;
      box.setAttribute("data-bf-centred", "1");
      var extra = box.scrollWidth - box.clientWidth;
      if (extra > 0 && box.scrollLeft === 0) box.scrollLeft = Math.round(extra / 2);
    }
    if (nodes.length) listen();
  }

  function setup(root) {
    markTarget();
    nameSearchDialog();
    hide();
    setupGraphs(root || document);
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

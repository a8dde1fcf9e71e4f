/*
 * Briefing site: client-side search (replaces Material's search plugin).
 *
 * Works from file:// with no network and no web workers: the index is a plain
 * script, ROOT + "search/briefing-index.js", that sets
 *
 *     window.__briefingSearch = {"version": 1, "docs": [{u, t, k, d, n, s, x}, ...]}
 *
 * and is loaded by a <script> tag the first time the reader uses the search
 * box, together with MiniSearch (vendor/minisearch.js, unless the page already
 * has window.MiniSearch). The MiniSearch index is then built in the main thread.
 *
 * ROOT is found from this script's own src (ROOT/assets/javascripts/search.js),
 * so any page depth works, over http(s) and from disk.
 *
 * Two parts:
 *  - the ranking, pure functions with no DOM:
 *        BriefingSearch.createEngine(docs) -> engine
 *        BriefingSearch.search(engine, query) -> results, best first
 *    (window.BriefingSearch in a browser, module.exports under Node);
 *  - the UI: a combobox in Material's header (a magnifier button and a
 *    full-screen overlay on phones). It is set up only when a document exists.
 *
 * Index strings are untrusted: they only ever reach the page as text nodes
 * (textContent / createTextNode) and attribute values, never as markup.
 */
(function (global) {
  "use strict";

  /* ------------------------------------------------------------------ */
  /* Ranking                                                             */
  /* ------------------------------------------------------------------ */

  var FIELDS = ["n", "t", "s", "x"];
  var BOOST = { n: 6, t: 4, s: 2, x: 1 };
  var STORE = ["u", "t", "k", "d"];
  /* Entities outrank glossary terms, which outrank reference pages. */
  var KIND_WEIGHT = { actor: 1.5, agreement: 1.5, topic: 1.5, source: 1.5, term: 1, page: 0.35 };
  var KIND_RANK = { actor: 0, agreement: 0, topic: 0, source: 0, term: 1, page: 2 };
  var MAX_QUERY_CHARS = 256;
  var MAX_QUERY_TERMS = 12;

  var COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  /* Letters that NFD does not decompose but readers type without the mark. */
  var SPECIAL = /[đħłøıßæœþ]/g;
  var SPECIAL_MAP = { "đ": "d", "ħ": "h", "ł": "l", "ø": "o", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th" };
  var NON_WORD = /[^\p{L}\p{N}]+/u;
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;

  /* Case and diacritics never matter: NFD, drop combining marks, lowercase. */
  function normalize(text) {
    if (text == null) return "";
    return String(text).normalize("NFD").replace(COMBINING, "").toLowerCase()
      .replace(SPECIAL, function (c) { return SPECIAL_MAP[c]; });
  }

  /* Words of a text, normalized (the index's and the query's). May hold "": processTerm drops it. */
  function split(text) {
    return normalize(text).split(NON_WORD);
  }

  function tokenize(text) {
    return split(text).filter(Boolean);
  }

  /* A name or query as it is compared for an exact name match. */
  function nameKey(text) {
    return tokenize(text).join(" ");
  }

  function str(value) {
    return typeof value === "string" ? value : value == null ? "" : String(value);
  }

  function names(doc) {
    var n = doc.n;
    if (Array.isArray(n)) return n.map(str).filter(Boolean);
    return n ? [str(n)] : [];
  }

  function getMiniSearch() {
    if (global.MiniSearch) return global.MiniSearch;
    if (typeof require === "function") {
      try { return require("./vendor/minisearch.js"); } catch (e) { /* fall through */ }
    }
    throw new Error("BriefingSearch: MiniSearch is not loaded");
  }

  function fuzzy(term) {
    return term.length >= 4 ? 0.2 : false;
  }

  /* An engine whose MiniSearch index is still empty (createEngine* add the documents). */
  function prepareEngine(docs) {
    var MiniSearch = getMiniSearch();
    var list = Array.isArray(docs) ? docs.filter(function (d) { return d && typeof d === "object"; }) : [];
    var mini = new MiniSearch({
      idField: "id",
      fields: FIELDS,
      storeFields: STORE,
      tokenize: split,
      processTerm: function (term) { return term || null; },
      extractField: function (entry, field) {
        if (field === "id") return entry.id;
        if (field === "n") return names(entry.doc).join(" \u2022 ");
        return str(entry.doc[field]);
      },
      searchOptions: { boost: BOOST, fuzzy: fuzzy, maxFuzzy: 2 }
    });
    /* Exact-name lookup: normalized name, alias, abbreviation or title -> doc ids. */
    var byName = new Map();
    var entries = list.map(function (doc, id) {
      var keys = names(doc).concat([str(doc.t)]);
      var seen = new Set();
      keys.forEach(function (key) {
        key = nameKey(key);
        if (!key || seen.has(key)) return;
        seen.add(key);
        if (!byName.has(key)) byName.set(key, []);
        byName.get(key).push(id);
      });
      return { id: id, doc: doc };
    });
    return { mini: mini, docs: list, entries: entries, byName: byName };
  }

  function createEngine(docs) {
    var engine = prepareEngine(docs);
    engine.mini.addAll(engine.entries);
    return engine;
  }

  /* The same, in chunks, yielding to the browser between them (the UI's way). */
  function createEngineAsync(docs) {
    var engine;
    try { engine = prepareEngine(docs); } catch (e) { return Promise.reject(e); }
    return engine.mini.addAllAsync(engine.entries, { chunkSize: 100 }).then(function () { return engine; });
  }

  function kindWeight(kind) {
    return Object.prototype.hasOwnProperty.call(KIND_WEIGHT, kind) ? KIND_WEIGHT[kind] : 1;
  }

  function kindRank(kind) {
    return Object.prototype.hasOwnProperty.call(KIND_RANK, kind) ? KIND_RANK[kind] : 1;
  }

  function byScore(a, b) {
    return b.score - a.score || a.id - b.id;
  }

  function makeResult(engine, id, raw, tier, queryTerms) {
    var doc = engine.docs[id];
    return {
      id: id,
      u: str(doc.u),
      t: str(doc.t),
      k: str(doc.k),
      d: str(doc.d),
      score: (raw ? raw.score : 0) * kindWeight(doc.k),
      /* the words of the doc that matched (normalized; fuzzy and prefix matches included) */
      terms: raw ? raw.terms : queryTerms.slice(),
      /* the query words that found this doc */
      queryTerms: raw ? raw.queryTerms : queryTerms.slice(),
      /* matched word -> the fields it was found in ("n", "t", "s", "x") */
      match: raw ? raw.match : {},
      /* "exact": a name equals the query; "all": every query word; "some": only some */
      tier: tier
    };
  }

  /*
   * Results for a query, best first. Order:
   *  1. docs a name, alias, abbreviation or title of which equals the whole
   *     query (entities, then terms, then pages);
   *  2. docs that contain every query word (what MiniSearch's AND finds);
   *  3. docs that contain only some of them (the rest of MiniSearch's OR).
   * Within 2 and 3: MiniSearch's BM25 score (fields n 6, t 4, s 2, x 1), times
   * the kind's weight. Words of 4+ characters match with typos (0.2 of the
   * length, at most 2 edits); the last word (2+ characters) also matches as a
   * prefix unless the query ends in a space.
   */
  function search(engine, query) {
    if (!engine || !engine.mini || typeof query !== "string") return [];
    query = query.slice(0, MAX_QUERY_CHARS);
    var terms = [];
    tokenize(query).forEach(function (term) {
      if (terms.length < MAX_QUERY_TERMS && terms.indexOf(term) < 0) terms.push(term);
    });
    if (!terms.length) return [];
    /* Prefix-match the last word while it is being typed (not after a space, not a single letter). */
    var typing = !/\s$/.test(query);
    var options = {
      boost: BOOST,
      fuzzy: fuzzy,
      maxFuzzy: 2,
      prefix: function (term, i, all) { return typing && i === all.length - 1 && term.length >= 2; },
      combineWith: "OR"
    };
    /*
     * One OR query gives both tiers: a result whose queryTerms holds every query
     * word is exactly a result of the same query with combineWith "AND" (same
     * fuzzy and prefix matches per word; the test suite checks this), and its
     * OR score is the AND score times the word count, so the order within the
     * tier is the same too. Half the work of running both queries.
     */
    var found = engine.mini.search(terms.join(" "), options);
    var raw = new Map();
    found.forEach(function (r) { raw.set(r.id, r); });

    var out = [];
    var seen = new Set();
    var exact = (engine.byName.get(terms.join(" ")) || []).map(function (id) {
      return makeResult(engine, id, raw.get(id), "exact", terms);
    });
    exact.sort(function (a, b) { return kindRank(a.k) - kindRank(b.k) || byScore(a, b); });
    exact.forEach(function (r) { seen.add(r.id); out.push(r); });

    var all = [];
    var some = [];
    found.forEach(function (r) {
      if (seen.has(r.id)) return;
      var result = makeResult(engine, r.id, r, "", terms);
      if (r.queryTerms.length >= terms.length) { result.tier = "all"; all.push(result); }
      else { result.tier = "some"; some.push(result); }
    });
    all.sort(byScore);
    some.sort(byScore);
    out.push.apply(out, all);
    out.push.apply(out, some);
    return out;
  }

  /* A text split into [{text, mark}] pieces: mark is true for a word in `terms`. */
  function pieces(text, terms, from, to) {
    var out = [];
    var last = from;
    WORD.lastIndex = from;
    var m;
    while ((m = WORD.exec(text)) && m.index < to) {
      var end = m.index + m[0].length;
      if (end > to) break;
      if (terms.has(normalize(m[0]).replace(NON_WORD_G, ""))) {
        if (m.index > last) out.push({ text: text.slice(last, m.index), mark: false });
        out.push({ text: m[0], mark: true });
        last = end;
      }
    }
    if (to > last) out.push({ text: text.slice(last, to), mark: false });
    return out;
  }
  var NON_WORD_G = /[^\p{L}\p{N}]+/gu;

  function termSet(terms) {
    return terms instanceof Set ? terms : new Set(terms || []);
  }

  /* The whole text, with the matched words marked (for titles). */
  function highlight(text, terms) {
    text = str(text);
    return pieces(text, termSet(terms), 0, text.length);
  }

  /*
   * About `length` characters of `text` around its first matched word, cut at
   * spaces, with "…" where it was cut; the matched words marked.
   */
  function snippet(text, terms, length) {
    length = length || 160;
    terms = termSet(terms);
    text = str(text).replace(/\s+/g, " ").trim();
    if (!text) return [];
    var hit = -1;
    var hitEnd = 0;
    WORD.lastIndex = 0;
    var m;
    while ((m = WORD.exec(text))) {
      if (terms.has(normalize(m[0]).replace(NON_WORD_G, ""))) { hit = m.index; hitEnd = hit + m[0].length; break; }
    }
    var start = 0;
    var end = text.length;
    /* a text a little over the length is shown whole rather than cut */
    if (text.length > length + Math.round(length / 4)) {
      if (hit > length / 3) start = hit - Math.round(length / 3);
      end = Math.min(text.length, start + length);
      if (end === text.length) start = Math.max(0, end - length);
      if (start > 0) {
        var space = text.indexOf(" ", start);
        if (space >= 0 && (hit < 0 || space < hit)) start = space + 1;
      }
      if (end < text.length) {
        var back = text.lastIndexOf(" ", end);
        if (back > start && back >= hitEnd) end = back;
      }
    }
    var out = pieces(text, terms, start, end);
    if (start > 0) out.unshift({ text: "\u2026", mark: false });
    if (end < text.length) out.push({ text: "\u2026", mark: false });
    return out;
  }

  /*
   * The text a result shows: the summary if a matched word is in it, or if the
   * doc was found by its name or title (the summary then says what it is);
   * else the body text (around the match).
   */
  function snippetSource(doc, result) {
    var s = str(doc.s);
    var x = str(doc.x);
    var byName = result.tier === "exact";
    var inSummary = false;
    var inText = false;
    Object.keys(result.match || {}).forEach(function (term) {
      result.match[term].forEach(function (field) {
        if (field === "n" || field === "t") byName = true;
        else if (field === "s") inSummary = true;
        else if (field === "x") inText = true;
      });
    });
    if (s && (inSummary || byName || !inText)) return s;
    return x || s;
  }

  var api = {
    createEngine: createEngine,
    search: search,
    normalize: normalize,
    snippet: snippet,
    highlight: highlight
  };

  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof window !== "undefined") window.BriefingSearch = api;
  if (typeof document === "undefined" || typeof window === "undefined") return;

  /* ------------------------------------------------------------------ */
  /* UI                                                                  */
  /* ------------------------------------------------------------------ */

  var SHOWN = 10;
  var PHONE = "(max-width: 59.984375em)";
  var KIND_LABEL = { actor: "Actor", agreement: "Agreement", topic: "Topic", source: "Source", term: "Glossary", page: "Page" };
  var ICON_SEARCH = "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5";
  var ICON_CLOSE = "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z";

  var ROOT = (function () {
    var script = document.currentScript;
    var src = script && script.src;
    if (!src) {
      var all = document.getElementsByTagName("script");
      for (var i = all.length - 1; i >= 0; i--) {
        if (/assets\/javascripts\/search\.js(?:[?#]|$)/.test(all[i].src)) { src = all[i].src; break; }
      }
    }
    try { return new URL("../../", src || document.baseURI).href; } catch (e) { return "./"; }
  })();

  var state = "idle"; /* idle | loading | ready | failed */
  var engine = null;
  var ui = null;
  var results = [];
  var active = -1;
  var announceTimer = 0;
  var listening = false;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text != null) node.textContent = text;
    return node;
  }

  function icon(path) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var p = document.createElementNS(ns, "path");
    p.setAttribute("d", path);
    svg.appendChild(p);
    return svg;
  }

  function appendPieces(parent, list) {
    list.forEach(function (piece) {
      if (piece.mark) parent.appendChild(el("mark", null, piece.text));
      else parent.appendChild(document.createTextNode(piece.text));
    });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("could not load " + src)); };
      (document.head || document.documentElement).appendChild(script);
    });
  }

  function nextFrame() {
    return new Promise(function (resolve) { setTimeout(resolve, 0); });
  }

  function ensureIndex() {
    if (state !== "idle") return;
    state = "loading";
    update();
    var vendor = global.MiniSearch ? Promise.resolve() : loadScript(ROOT + "assets/javascripts/vendor/minisearch.js");
    var index = loadScript(ROOT + "search/briefing-index.js");
    Promise.all([vendor, index])
      .then(nextFrame) /* let "Loading…" paint */
      .then(function () {
        var data = global.__briefingSearch;
        if (!data || !Array.isArray(data.docs)) throw new Error("no search index");
        return createEngineAsync(data.docs);
      })
      .then(function (built) { engine = built; state = "ready"; update(); },
            function () { state = "failed"; update(); });
  }

  function isPhone() {
    return window.matchMedia ? window.matchMedia(PHONE).matches : false;
  }

  function typingIn(target) {
    if (!target || target.nodeType !== 1) return false;
    if (target.isContentEditable) return true;
    var tag = target.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT") return true;
    if (tag !== "INPUT") return false;
    return !/^(checkbox|radio|button|submit|reset|image|range|color|file)$/i.test(target.type);
  }

  function build() {
    var root = el("div", { "class": "bfs", role: "search" });
    var open = el("button", { type: "button", "class": "md-header__button md-icon bfs__open",
      "aria-label": "Search", title: "Search", "aria-controls": "bfs-box", "aria-expanded": "false" });
    open.appendChild(icon(ICON_SEARCH));
    var box = el("div", { "class": "bfs__box", id: "bfs-box" });
    var bar = el("div", { "class": "bfs__bar" });
    var field = el("div", { "class": "bfs__field" });
    var label = el("label", { "class": "bfs__sr", "for": "bfs-input" }, "Search the briefing");
    var input = el("input", {
      type: "text", id: "bfs-input", "class": "bfs__input", role: "combobox",
      "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": "bfs-listbox",
      autocomplete: "off", autocapitalize: "off", autocorrect: "off", spellcheck: "false",
      enterkeyhint: "search", placeholder: "Search", maxlength: String(MAX_QUERY_CHARS)
    });
    var glass = icon(ICON_SEARCH);
    glass.setAttribute("class", "bfs__glass");
    field.appendChild(label);
    field.appendChild(glass);
    field.appendChild(input);
    var close = el("button", { type: "button", "class": "md-icon bfs__close", "aria-label": "Close search", title: "Close search" });
    close.appendChild(icon(ICON_CLOSE));
    bar.appendChild(field);
    bar.appendChild(close);
    var panel = el("div", { "class": "bfs__panel" });
    panel.hidden = true;
    var message = el("p", { "class": "bfs__message" });
    var list = el("div", { "class": "bfs__list", id: "bfs-listbox", role: "listbox", "aria-label": "Search results" });
    var more = el("p", { "class": "bfs__more" });
    var live = el("div", { "class": "bfs__sr", role: "status", "aria-live": "polite" });
    panel.appendChild(message);
    panel.appendChild(list);
    panel.appendChild(more);
    box.appendChild(bar);
    box.appendChild(panel);
    root.appendChild(open);
    root.appendChild(box);
    root.appendChild(live);
    return { root: root, open: open, box: box, input: input, close: close, panel: panel,
             message: message, list: list, more: more, live: live };
  }

  function announce(text) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () { ui.live.textContent = text; }, 400);
  }

  function showPanel(show) {
    ui.panel.hidden = !show;
    var expanded = show && results.length > 0;
    ui.input.setAttribute("aria-expanded", expanded ? "true" : "false");
    ui.root.classList.toggle("bfs--results", show);
  }

  function setActive(index) {
    var options = ui.list.children;
    if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
    active = index;
    if (active >= 0 && options[active]) {
      options[active].setAttribute("aria-selected", "true");
      ui.input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    } else {
      ui.input.removeAttribute("aria-activedescendant");
    }
  }

  function renderResult(r, i) {
    var doc = engine.docs[r.id];
    var terms = new Set(r.terms);
    var option = el("a", { "class": "bfs__result", role: "option", id: "bfs-option-" + i,
      href: ROOT + r.u, tabindex: "-1", "aria-selected": "false" });
    var head = el("span", { "class": "bfs__head" });
    var title = el("span", { "class": "bfs__title" });
    appendPieces(title, highlight(r.t || r.u, terms));
    var label = KIND_LABEL[r.k] || (r.k ? r.k.charAt(0).toUpperCase() + r.k.slice(1) : "");
    var badge = el("span", { "class": "bfs__badge", "data-kind": r.k },
      r.d && r.d !== r.k ? label + " \u00b7 " + r.d : label);
    head.appendChild(title);
    head.appendChild(badge);
    option.appendChild(head);
    var text = el("span", { "class": "bfs__snippet" });
    appendPieces(text, snippet(snippetSource(doc, r), terms, 160));
    option.appendChild(text);
    return option;
  }

  function update() {
    if (!ui) return;
    var query = ui.input.value;
    var blank = !query.trim();
    results = [];
    active = -1;
    ui.input.removeAttribute("aria-activedescendant");
    ui.list.textContent = "";
    ui.list.hidden = true;
    ui.more.textContent = "";
    ui.message.textContent = "";
    var engaged = document.activeElement === ui.input || ui.root.classList.contains("bfs--open");
    if (state === "loading" || state === "idle") {
      ui.message.textContent = "Loading\u2026";
      showPanel(engaged && state === "loading");
      return;
    }
    if (state === "failed") {
      ui.message.textContent = "Search is unavailable";
      showPanel(engaged);
      announce("Search is unavailable");
      return;
    }
    if (blank) { showPanel(false); return; }
    results = search(engine, query);
    var shown = results.slice(0, SHOWN);
    shown.forEach(function (r, i) { ui.list.appendChild(renderResult(r, i)); });
    ui.list.hidden = shown.length === 0;
    if (!results.length) ui.message.textContent = "No results for \u201c" + query.trim() + "\u201d";
    if (results.length > SHOWN) {
      var n = results.length - SHOWN;
      ui.more.textContent = n + " more result" + (n === 1 ? "" : "s") + " \u2014 refine your search";
    }
    showPanel(engaged);
    announce(results.length ? results.length + " result" + (results.length === 1 ? "" : "s") : "No results");
  }

  function closeResults() {
    if (!ui) return;
    setActive(-1);
    showPanel(false);
  }

  function openOverlay() {
    ui.root.classList.add("bfs--open");
    document.documentElement.classList.add("bfs-lock");
    ui.open.setAttribute("aria-expanded", "true");
    ui.box.setAttribute("role", "dialog");
    ui.box.setAttribute("aria-modal", "true");
    ui.box.setAttribute("aria-label", "Search the briefing");
    ui.input.focus();
    ui.input.select();
    ensureIndex();
    update();
  }

  function closeOverlay(restoreFocus) {
    var wasOpen = ui.root.classList.contains("bfs--open");
    ui.root.classList.remove("bfs--open");
    document.documentElement.classList.remove("bfs-lock");
    ui.open.setAttribute("aria-expanded", "false");
    ui.box.removeAttribute("role");
    ui.box.removeAttribute("aria-modal");
    ui.box.removeAttribute("aria-label");
    if (wasOpen && restoreFocus) ui.open.focus();
  }

  /* Escape: close the results (and the phone overlay), leave the box. */
  function dismiss() {
    closeResults();
    if (ui.root.classList.contains("bfs--open")) closeOverlay(true);
    else ui.input.blur();
  }

  function go(index) {
    var option = ui.list.children[index];
    if (!option) return;
    closeResults();
    closeOverlay(false);
    window.location.assign(option.href);
  }

  function focusBox() {
    if (isPhone()) openOverlay();
    else { ui.input.focus(); ui.input.select(); }
  }

  function onInputKey(ev) {
    var count = ui.list.children.length;
    switch (ev.key) {
      case "ArrowDown":
      case "ArrowUp":
        ev.preventDefault();
        if (ui.panel.hidden) { update(); count = ui.list.children.length; }
        if (!count) return;
        if (ev.key === "ArrowDown") setActive(active + 1 >= count ? 0 : active + 1);
        else setActive(active <= 0 ? count - 1 : active - 1);
        break;
      case "Enter":
        if (ev.isComposing) return;
        ev.preventDefault();
        if (state !== "ready") return;
        if (ui.panel.hidden) update();
        if (ui.list.children.length) go(active >= 0 ? active : 0);
        break;
      case "Escape":
        ev.preventDefault();
        ev.stopPropagation();
        dismiss();
        break;
      case "Tab":
        if (ui.root.classList.contains("bfs--open")) {
          /* keep focus inside the overlay: input <-> close button */
          ev.preventDefault();
          ui.close.focus();
        } else {
          closeResults();
        }
        break;
      default:
        ensureIndex();
    }
  }

  function mount() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".bfs")) return;
    ui = build();
    var source = header.querySelector(".md-header__source");
    if (source && source.parentNode === header) header.insertBefore(ui.root, source);
    else header.appendChild(ui.root);

    ui.input.addEventListener("focus", function () { ensureIndex(); if (state !== "idle") update(); });
    ui.input.addEventListener("input", function () { ensureIndex(); update(); });
    ui.input.addEventListener("keydown", onInputKey);
    ui.open.addEventListener("click", openOverlay);
    ui.close.addEventListener("click", function () { closeResults(); closeOverlay(true); });
    ui.close.addEventListener("keydown", function (ev) {
      if (ev.key === "Tab" && ui.root.classList.contains("bfs--open")) { ev.preventDefault(); ui.input.focus(); }
      if (ev.key === "Escape") { ev.preventDefault(); dismiss(); }
    });
    ui.list.addEventListener("click", function () { closeResults(); closeOverlay(false); });
    /* keep the input focused while a result is clicked */
    ui.list.addEventListener("mousedown", function (ev) { ev.preventDefault(); });

    if (listening) return;
    listening = true;
    document.addEventListener("pointerdown", function (ev) {
      if (ui && !ui.root.contains(ev.target)) closeResults();
    }, true);
    document.addEventListener("keydown", function (ev) {
      if (!ui) return;
      if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.defaultPrevented) return;
      if (ev.key === "Escape" && ui.root.classList.contains("bfs--open")) { dismiss(); return; }
      if ((ev.key === "/" || ev.key === "s") && !ev.isComposing && !typingIn(ev.target)) {
        ev.preventDefault();
        ensureIndex();
        focusBox();
      }
    });
    if (window.matchMedia) {
      var mq = window.matchMedia(PHONE);
      var onChange = function () { if (!mq.matches) closeOverlay(false); };
      if (mq.addEventListener) mq.addEventListener("change", onChange);
      else if (mq.addListener) mq.addListener(onChange);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
  /* Material's instant navigation, if it is ever turned on, swaps the page: mount again if needed. */
  if (global.document$ && typeof global.document$.subscribe === "function") {
    global.document$.subscribe(function () { mount(); });
  }
})(typeof globalThis !== "undefined" ? globalThis : this);

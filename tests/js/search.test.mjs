// Ranking of the site's client-side search (hooks/briefing/assets/javascripts/search.js).
// Run: node --test tests/js/
// No DOM: search.js must load under Node without touching `document`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const JS = join(REPO, "hooks", "briefing", "assets", "javascripts");

assert.equal(typeof globalThis.document, "undefined", "these tests run without a DOM");
const MiniSearch = require(join(JS, "vendor", "minisearch.js"));
const BriefingSearch = require(join(JS, "search.js"));
const { createEngine, search, snippet, normalize } = BriefingSearch;

// Long body text, as the site's pages have.
const filler = (topic, words = 120) =>
  Array.from({ length: words }, (_, i) => `${topic} ${["analysis", "of", "the", "region", "and", "its", "talks"][i % 7]}`).join(" ");

const DOCS = [
  { u: "actors/sergey-lavrov.html", t: "Sergey Lavrov", k: "actor", d: "person", n: ["Sergey Lavrov", "Lavrov", "Sergei Lavrov"],
    s: "Russian Foreign Minister; met Araghchi in Moscow.",
    x: "In the first source Lavrov speaks for Russia in Central Asia. On a visit to Turkmenistan he made the escalating Iran–Israel conflict a central theme of a speech." },
  { u: "actors/turkmenistan.html", t: "Turkmenistan", k: "actor", d: "state", n: ["Turkmenistan"],
    s: "Central Asian neighbour of Iran.", x: "Turkmenistan borders Iran and the Caspian Sea. " + filler("Ashgabat", 40) },
  { u: "actors/abbas-araghchi.html", t: "Abbas Araghchi", k: "actor", d: "person", n: ["Abbas Araghchi", "Araghchi"],
    s: "Iranian Foreign Minister who flew to Moscow after the June 2025 strikes and met Putin and Lavrov.",
    x: "Araghchi called the consultations strategic, not ceremonial." },
  { u: "actors/vladimir-putin.html", t: "Vladimir Putin", k: "actor", d: "person", n: ["Vladimir Putin", "Putin"],
    s: "President of Russia.", x: "Putin met Araghchi at the Kremlin. Lavrov was present." },
  { u: "actors/iran.html", t: "Iran", k: "actor", d: "state", n: ["Iran", "Islamic Republic of Iran"],
    s: "Russia's treaty partner.", x: "Iran signed the JCPOA in 2015. " + filler("Tehran", 60) },
  { u: "actors/nghe-an-newspaper.html", t: "Nghe An Newspaper", k: "actor", d: "organisation", n: ["Nghe An Newspaper", "Báo Nghệ An"],
    s: "Vietnamese provincial newspaper that relayed an RT analysis.", x: "" },
  { u: "actors/nghe-an.html", t: "Nghe An", k: "actor", d: "province", n: ["Nghe An"],
    s: "Province in north-central Vietnam.", x: "" },
  { u: "agreements/jcpoa.html", t: "Joint Comprehensive Plan of Action", k: "agreement", d: "signed",
    n: ["Joint Comprehensive Plan of Action", "JCPOA", "Iran nuclear deal"],
    s: "The 2015 nuclear agreement between Iran and the P5+1.", x: "The deal limited enrichment in exchange for sanctions relief." },
  { u: "agreements/russia-iran-treaty.html", t: "Russia–Iran Comprehensive Strategic Partnership Treaty", k: "agreement", d: "treaty",
    n: ["Russia–Iran Comprehensive Strategic Partnership Treaty"], s: "Signed 17 January 2025; no mutual defence clause.", x: filler("treaty", 50) },
  { u: "topics/iran-nuclear-programme.html", t: "Iran's nuclear programme and the JCPOA", k: "topic", d: "",
    n: ["Iran's nuclear programme and the JCPOA"], s: "Enrichment, inspections and the JCPOA's collapse.",
    x: "The JCPOA was abandoned by the United States in 2018. Russia supports a return to the JCPOA." },
  { u: "sources/nghean.html", t: "Iran's Foreign Minister Just Left Moscow", k: "source", d: "D",
    n: ["Iran's Foreign Minister Just Left Moscow", "Nghe An / RT analysis"], s: "RT analysis relayed by Nghệ An newspaper.",
    x: "Lavrov and Araghchi met in Moscow. " + filler("Moscow", 80) },
  { u: "glossary.html#term-jcpoa", t: "JCPOA", k: "term", d: "", n: ["JCPOA", "Iran nuclear deal"],
    s: "Joint Comprehensive Plan of Action: the 2015 agreement on Iran's nuclear programme.", x: "" },
  { u: "glossary.html#term-unsc", t: "UN Security Council", k: "term", d: "", n: ["UN Security Council", "UNSC"],
    s: "The UN body that can pass binding resolutions.", x: "" },
  { u: "glossary.html", t: "Glossary", k: "page", d: "", n: ["Glossary"], s: "",
    x: "JCPOA: Joint Comprehensive Plan of Action. JCPOA snapback. The JCPOA, the JCPOA, the JCPOA. UNSC. Lavrov. Turkmenistan." },
  { u: "timeline.html", t: "Timeline", k: "page", d: "", n: ["Timeline"], s: "",
    x: Array.from({ length: 30 }, (_, i) => `Event ${i}: JCPOA talks; the JCPOA was discussed again.`).join(" ") + " Lavrov visited Turkmenistan." },
  { u: "index.html", t: "Briefing", k: "page", d: "", n: ["Briefing"], s: "",
    x: "Russia, Iran, Israel and the United States in 2025. Sergey Lavrov. Turkmenistan. " + filler("briefing", 100) },
];

const engine = createEngine(DOCS);
const titles = (query) => search(engine, query).map((r) => r.t);
const first = (query) => search(engine, query)[0];
const rank = (query, title) => titles(query).indexOf(title);

test("the vendored MiniSearch is 7.2.0's UMD build, byte for byte", () => {
  const file = readFileSync(join(JS, "vendor", "minisearch.js"));
  const sha = createHash("sha256").update(file).digest("hex");
  assert.equal(sha, "03c27931eb603af1d3358579e9885eafdb6a2f5fa9929557b3e77d7e99d06d03");
  assert.match(readFileSync(join(JS, "vendor", "README.md"), "utf8"), new RegExp(sha));
  assert.equal(typeof MiniSearch, "function");
});

test("search.js loads without a DOM and exposes createEngine and search", () => {
  assert.equal(typeof globalThis.document, "undefined");
  assert.equal(typeof BriefingSearch.createEngine, "function");
  assert.equal(typeof BriefingSearch.search, "function");
  const r = first("Lavrov");
  for (const key of ["id", "u", "t", "k", "d", "score", "terms", "queryTerms", "match", "tier"]) assert.ok(key in r, key);
  assert.equal(r.u, "actors/sergey-lavrov.html");
});

test('typo: "Lavrof" finds Sergey Lavrov first', () => {
  assert.equal(first("Lavrof").t, "Sergey Lavrov");
  assert.equal(first("lavrof").t, "Sergey Lavrov");
  assert.ok(first("Lavrof").terms.includes("lavrov"));
});

test('typo: "Araghci" finds Abbas Araghchi first', () => {
  assert.equal(first("Araghci").t, "Abbas Araghchi");
  assert.equal(first("Abbas Araghci").t, "Abbas Araghchi");
});

test("prefix: the word being typed matches the start of a word", () => {
  assert.equal(first("Lavr").t, "Sergey Lavrov");
  assert.equal(first("Turkmen").t, "Turkmenistan");
  // a finished word (query ends in a space) is not a prefix any more
  assert.equal(search(engine, "Turkmen ").length, 0);
});

test('"JCPOA": the agreement comes first, above the topic, glossary term and pages', () => {
  const list = titles("JCPOA");
  assert.equal(list[0], "Joint Comprehensive Plan of Action");
  const agreement = list.indexOf("Joint Comprehensive Plan of Action");
  for (const other of ["JCPOA", "Glossary", "Timeline", "Iran's nuclear programme and the JCPOA"]) {
    assert.ok(list.includes(other), `${other} is found`);
    assert.ok(agreement < list.indexOf(other), `agreement above ${other}: ${list.join(" | ")}`);
  }
  assert.equal(first("jcpoa").t, "Joint Comprehensive Plan of Action");
  assert.equal(first("JCPOA").tier, "exact");
});

test("a name equal to the whole query comes first (case-, accent- and punctuation-insensitive)", () => {
  assert.equal(first("joint comprehensive plan of action").t, "Joint Comprehensive Plan of Action");
  assert.equal(first("IRAN NUCLEAR DEAL").t, "Joint Comprehensive Plan of Action");
  assert.equal(first("unsc").t, "UN Security Council");
  assert.equal(first("Russia-Iran comprehensive strategic partnership treaty").t,
    "Russia–Iran Comprehensive Strategic Partnership Treaty");
});

test("entities rank above reference pages for the same word", () => {
  assert.equal(first("Turkmenistan").t, "Turkmenistan");
  assert.ok(rank("Turkmenistan", "Sergey Lavrov") < rank("Turkmenistan", "Timeline"));
  assert.ok(rank("Turkmenistan", "Sergey Lavrov") < rank("Turkmenistan", "Glossary"));
});

test('"Lavrov Turkmenistan": the doc that has both words comes first', () => {
  const results = search(engine, "Lavrov Turkmenistan");
  assert.equal(results[0].t, "Sergey Lavrov");
  // every doc with both words comes before every doc with only one
  const tiers = results.map((r) => r.tier);
  const lastAll = tiers.lastIndexOf("all");
  const firstSome = tiers.indexOf("some");
  assert.ok(firstSome === -1 || lastAll < firstSome, tiers.join(","));
  assert.ok(rank("Lavrov Turkmenistan", "Sergey Lavrov") < rank("Lavrov Turkmenistan", "Abbas Araghchi"));
  assert.ok(rank("Lavrov Turkmenistan", "Sergey Lavrov") < rank("Lavrov Turkmenistan", "Vladimir Putin"));
  // no doc twice
  assert.equal(new Set(results.map((r) => r.id)).size, results.length);
  // typos per word still count as "every word"
  assert.equal(first("Lavrof Turkmenistn").t, "Sergey Lavrov");
});

test("the 'all words' tier is exactly MiniSearch's combineWith AND", () => {
  const mini = engine.mini;
  for (const query of ["Lavrov Turkmenistan", "Araghchi Moscow", "JCPOA Iran", "Lavrof Turkmenistn", "nuclear deal Iran"]) {
    const terms = [...new Set(query.toLowerCase().split(/\s+/))];
    const options = {
      boost: { n: 6, t: 4, s: 2, x: 1 }, maxFuzzy: 2, combineWith: "AND",
      fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
      prefix: (term, i, all) => i === all.length - 1 && term.length >= 2,
    };
    const expected = new Set(mini.search(terms.join(" "), options).map((r) => r.id));
    const got = search(engine, query).filter((r) => r.tier !== "some");
    const exactOnly = got.filter((r) => r.tier === "exact" && !expected.has(r.id));
    assert.deepEqual(exactOnly, [], query);
    assert.deepEqual(new Set(got.map((r) => r.id)), expected, query);
  }
});

test("diacritics and case never matter", () => {
  assert.equal(first("Nghệ An").t, "Nghe An");
  assert.equal(first("NGHỆ AN").t, "Nghe An");
  assert.ok(titles("bao nghe an").includes("Nghe An Newspaper"));
  assert.equal(normalize("Nghệ An"), "nghe an");
  assert.equal(normalize("Đà Nẵng"), "da nang");
  // decomposed input (NFD) is the same as composed input (NFC)
  assert.deepEqual(titles("Nghe\u0323\u0302 An"), titles("Nghệ An"));
});

test("an empty or whitespace query gives no results", () => {
  for (const query of ["", " ", "   \t\n ", "\u00a0", "!!! ... ---"]) assert.deepEqual(search(engine, query), [], JSON.stringify(query));
  assert.deepEqual(search(engine, null), []);
  assert.deepEqual(search(engine, undefined), []);
  assert.deepEqual(search(null, "Lavrov"), []);
});

test("200 random characters return quickly without throwing", () => {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pools = [
    () => String.fromCharCode(32 + Math.floor(random() * 95)), // printable ASCII
    () => String.fromCharCode(Math.floor(random() * 0xffff)), // any BMP unit, lone surrogates included
    () => "abcdefghijklmnopqrstuvwxyz "[Math.floor(random() * 27)],
  ];
  for (const pool of pools) {
    for (let round = 0; round < 5; round++) {
      const query = Array.from({ length: 200 }, pool).join("");
      const start = performance.now();
      const results = search(engine, query);
      const ms = performance.now() - start;
      assert.ok(Array.isArray(results));
      assert.ok(ms < 500, `${ms.toFixed(1)} ms for ${JSON.stringify(query.slice(0, 40))}…`);
    }
  }
});

test("snippet: about 160 characters around the first match, marked, with … at cut ends", () => {
  const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
  words[40] = "Lavrov";
  const text = words.join("  ");
  const pieces = snippet(text, ["lavrov"], 160);
  const shown = pieces.map((p) => p.text).join("");
  assert.ok(shown.startsWith("\u2026") && shown.endsWith("\u2026"), shown);
  assert.ok(shown.length <= 165, `${shown.length}: ${shown}`);
  assert.ok(!/\s\s/.test(shown), "words separated by single spaces");
  assert.deepEqual(pieces.filter((p) => p.mark).map((p) => p.text), ["Lavrov"]);
  // a short text is shown whole
  assert.deepEqual(snippet("Met Lavrov in Moscow.", ["lavrov"]).map((p) => p.text), ["Met ", "Lavrov", " in Moscow."]);
  // accents in the text still match the normalized term
  assert.deepEqual(snippet("Báo Nghệ An", ["nghe"]).filter((p) => p.mark).map((p) => p.text), ["Nghệ"]);
  // untrusted text stays text: the pieces are the input's characters, nothing added
  const hostile = '<img src=x onerror="alert(1)"> Lavrov';
  assert.equal(snippet(hostile, ["lavrov"]).map((p) => p.text).join(""), hostile);
  assert.deepEqual(snippet("", ["x"]), []);
});

test("odd documents do not break the engine", () => {
  const odd = createEngine([
    { u: "a.html", t: "Only a title", k: "actor" },
    { u: "b.html", t: "", k: "page", d: "", n: [], s: "", x: "" },
    null,
    { u: "c.html", t: "Numbers", k: "weird-kind", n: "Single name string", s: 42, x: null },
  ]);
  assert.equal(search(odd, "title")[0].u, "a.html");
  assert.equal(search(odd, "single name string")[0].u, "c.html");
  assert.deepEqual(createEngine([]).docs, []);
  assert.deepEqual(search(createEngine([]), "anything"), []);
});

"""A deterministic synthetic briefing project of a given number of briefs.

`generate(root, briefs)` writes a complete project into `root`: this repository's
mkdocs.yml and docs/, a briefing.yml, and generated briefs/ and seeds/. Everything comes
from one `random.Random(seed)`, so the same size always gives the same bytes.

Shape (per the benchmark's brief): 60% actors, 25% agreements, 15% topics; one source of
about 5 KB per 20 briefs; about 5 verified quotes (one of them elided) and 10 references per
brief; two inline quotations per brief; every prose paragraph cites a source paragraph;
prose in which entity names appear, so that auto-linking has work to do. It passes
`briefing check` with every content rule at its default and no warning.
"""
from __future__ import annotations

import hashlib
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = 20250613
BRIEFS_PER_SOURCE = 20
SOURCE_BYTES = 5_000
QUOTES_PER_BRIEF = 5

ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
          "br", "dr", "kr", "st", "tr", "sh", "ch", "gr", "pl", "th"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou", "ia"]
CODAS = ["", "", "", "n", "r", "s", "l", "m", "k", "sk", "nd"]

ACTOR_TYPES = [("person", 45), ("state", 15), ("organization", 25), ("media", 7), ("group", 8)]
AGREEMENT_TYPES = ["treaty", "agreement", "resolution", "draft-resolution", "memorandum", "framework", "other"]
AGREEMENT_STATUSES = ["proposed", "negotiating", "signed", "ratified", "in-force", "expired",
                      "withdrawn", "rejected"]
TOPIC_STATUSES = ["ongoing", "emerging", "dormant", "resolved"]
LIKELIHOODS = ["almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely",
               "very likely", "almost certain"]
CONFIDENCES = ["low", "moderate", "high"]
ROLES = ["Foreign Minister", "President", "Ambassador", "Envoy", "Chair", "Spokesperson",
         "Defence Minister", "Secretary General", "Adviser", "Director"]
ORG_SUFFIXES = ["Institute", "Council", "Forum", "Union", "Bank", "Commission", "Alliance", "Agency"]
MEDIA_SUFFIXES = ["Herald", "Gazette", "Courier", "Dispatch", "Observer", "Chronicle"]
GROUP_SUFFIXES = ["Movement", "Brigades", "Front", "Coalition"]
AGREEMENT_NOUNS = {"treaty": "Treaty", "agreement": "Agreement", "resolution": "Resolution",
                   "draft-resolution": "Draft Resolution", "memorandum": "Memorandum",
                   "framework": "Framework", "other": "Arrangement"}
SUBJECTS = ["Trade", "Energy", "Security", "Navigation", "Grain", "Air Defence", "Transit",
            "Nuclear Safety", "Fisheries", "Water", "Rail", "Customs", "Data", "Border"]
TOPIC_NOUNS = ["Crisis", "Talks", "Rivalry", "Partnership", "Corridor", "Standoff", "Ceasefire",
               "Realignment", "Sanctions", "Mediation"]

VERBS = ["met", "criticised", "praised", "warned", "briefed", "called", "hosted", "visited",
         "pressed", "reassured", "courted", "questioned"]
OBJECTS = ["the negotiations", "the new sanctions", "the transit corridor", "the ceasefire terms",
           "the energy talks", "the security guarantees", "the border dispute", "the arms deliveries",
           "the grain shipments", "the summit agenda", "the nuclear file", "the port concession"]
WHEN = ["in March", "in early June", "last week", "at the summit", "on Tuesday", "after the vote",
        "before the talks", "during the visit", "late in the year", "in the spring"]
ADVERBS = ["quietly", "openly", "repeatedly", "reluctantly", "abruptly", "cautiously", "publicly"]
CLAIMS = ["the talks had stalled", "the deal was within reach", "the corridor would open by autumn",
          "sanctions would be lifted in stages", "no troops would be deployed",
          "the guarantees were not binding", "the region could not afford another war",
          "the proposal was a starting point", "the channel to the other side remained open",
          "the vote had been postponed", "mediation was the only realistic path"]


@dataclass
class Ent:
    kind: str
    id: str
    name: str
    type: str = ""
    aliases: list[str] = field(default_factory=list)
    abbreviation: str | None = None


@dataclass
class Src:
    id: str
    title: str
    paragraphs: list[list[str]]  # sentences per paragraph

    def text(self) -> str:
        return "\n\n".join(" ".join(p) for p in self.paragraphs) + "\n"


class Names:
    """Pronounceable, unique (after case folding) names."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()
        self.ids: set[str] = set()

    def word(self, syllables: int | None = None) -> str:
        n = syllables or self.rng.choice((2, 2, 3))
        parts = [self.rng.choice(ONSETS) + self.rng.choice(VOWELS) for _ in range(n)]
        return ("".join(parts) + self.rng.choice(CODAS)).capitalize()

    def claim(self, name: str) -> bool:
        key = " ".join(name.casefold().split())
        if key in self.used:
            return False
        self.used.add(key)
        return True

    def unique(self, make) -> str:
        while True:
            name = make()
            if self.claim(name):
                return name

    def slug(self, name: str) -> str:
        base = "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())
        slug, n = base, 2
        while slug in self.ids:
            slug, n = f"{base}-{n}", n + 1
        self.ids.add(slug)
        return slug


def _weighted(rng: random.Random, pairs) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _entities(rng: random.Random, names: Names, briefs: int) -> list[Ent]:
    n_topics = max(1, round(briefs * 0.15))
    n_agreements = max(1, round(briefs * 0.25))
    n_actors = max(2, briefs - n_topics - n_agreements)
    ents: list[Ent] = []
    states: list[str] = []
    for i in range(n_actors):
        kind = "state" if i < 2 else _weighted(rng, ACTOR_TYPES)
        if kind == "person":
            name = names.unique(lambda: f"{names.word()} {names.word()}")
        elif kind == "state":
            name = names.unique(lambda: names.word(3) + rng.choice(["ia", "stan", "land", "ora"]))
            states.append(name)
        elif kind == "organization":
            name = names.unique(lambda: f"{names.word()} {rng.choice(ORG_SUFFIXES)}")
        elif kind == "media":
            name = names.unique(lambda: f"The {names.word()} {rng.choice(MEDIA_SUFFIXES)}")
        else:
            name = names.unique(lambda: f"{names.word()} {rng.choice(GROUP_SUFFIXES)}")
        ent = Ent("actor", names.slug(name), name, kind)
        if kind == "person":
            last = name.split()[-1]
            if names.claim(last):
                ent.aliases.append(last)
        elif kind == "organization" and rng.random() < 0.5:
            abbr = "".join(w[0] for w in name.split()) + names.word(1)[:2].upper()
            if len(abbr) >= 3 and names.claim(abbr):
                ent.abbreviation = abbr
        ents.append(ent)
    for _ in range(n_agreements):
        atype = rng.choice(AGREEMENT_TYPES)
        name = names.unique(lambda: f"{rng.choice(states)}–{names.word()} "
                                    f"{rng.choice(SUBJECTS)} {AGREEMENT_NOUNS[atype]}")
        ent = Ent("agreement", names.slug(name), name, atype)
        if rng.random() < 0.4:
            alias = f"{name.split()[0].split('–')[0]} {AGREEMENT_NOUNS[atype]} {names.word(1)}"
            if names.claim(alias):
                ent.aliases.append(alias)
        ents.append(ent)
    for _ in range(n_topics):
        name = names.unique(lambda: f"The {names.word()} {rng.choice(TOPIC_NOUNS)}")
        ents.append(Ent("topic", names.slug(name), name, rng.choice(TOPIC_STATUSES)))
    return ents


def _sentence(rng: random.Random, ents: list[Ent], used: set[str]) -> str:
    """A source sentence naming one or two entities; unique across the corpus."""
    while True:
        a, b = rng.choice(ents), rng.choice(ents)
        form = rng.randrange(4)
        if form == 0:
            s = f"{a.name} {rng.choice(ADVERBS)} {rng.choice(VERBS)} {b.name} {rng.choice(WHEN)} over {rng.choice(OBJECTS)}."
        elif form == 1:
            s = (f"According to officials close to {a.name}, {rng.choice(CLAIMS)}, "
                 f"and {b.name} {rng.choice(ADVERBS)} agreed.")
        elif form == 2:
            s = f"Observers in {a.name} said that {rng.choice(CLAIMS)} {rng.choice(WHEN)}."
        else:
            s = (f"The statement by {a.name} {rng.choice(WHEN)} on {rng.choice(OBJECTS)} "
                 f"was read as a signal to {b.name}.")
        if s not in used:
            used.add(s)
            return s


def _source(rng: random.Random, names: Names, ents: list[Ent], used: set[str]) -> Src:
    title = names.unique(lambda: f"Analysis: {names.word()} and the {rng.choice(SUBJECTS)} question")
    sid = names.slug(title.replace("Analysis: ", ""))
    paragraphs, size = [], 0
    while size < SOURCE_BYTES:
        para = [_sentence(rng, ents, used) for _ in range(rng.randint(3, 6))]
        paragraphs.append(para)
        size += sum(len(s) + 1 for s in para) + 1
    return Src(sid, title, paragraphs)


def _q(text: str) -> str:
    """A YAML scalar: JSON strings are valid YAML."""
    return json.dumps(text, ensure_ascii=False)


def _ids(values) -> str:
    return "[" + ", ".join(values) + "]"


def _date(rng: random.Random, precision: str = "day") -> str:
    y, m, d = rng.choice((2024, 2025)), rng.randint(1, 12), rng.randint(1, 28)
    return {"year": f"{y}", "month": f"{y}-{m:02d}", "day": f"{y}-{m:02d}-{d:02d}"}[precision]


def _prose_sentence(rng: random.Random, ents: list[Ent], wikilink: bool) -> str:
    a, b = rng.choice(ents), rng.choice(ents)
    first = f"[[{a.id}]]" if wikilink else a.name
    return rng.choice([
        f"{first} {rng.choice(ADVERBS)} {rng.choice(VERBS)} {b.name} {rng.choice(WHEN)}.",
        f"Analysts link this to {first}, which {rng.choice(VERBS)} {b.name} over {rng.choice(OBJECTS)}.",
        f"The position of {first} matters because {rng.choice(CLAIMS)}; {b.name} has said as much.",
        f"For {b.name}, the role of {first} in {rng.choice(OBJECTS)} is the open question.",
    ])


def _phrase(rng: random.Random, sentence: str, paragraph: str) -> str | None:
    """A few words of a source sentence to quote inline: never beside a negating word, and
    found once in its paragraph (so that the verifier finds this occurrence)."""
    words = sentence.rstrip(".").split()
    for _ in range(6):
        size = rng.randint(3, 5)
        if len(words) <= size:
            return None
        start = rng.randrange(len(words) - size)
        chosen = words[start:start + size]
        around = words[max(0, start - 1):start + size + 1]
        phrase = " ".join(chosen).strip(",;")
        if not any(w.strip(",;.:!?").lower() in NEGATING for w in around) and paragraph.count(phrase) == 1:
            return phrase
    return None


NEGATING = {"not", "no", "never", "nor", "neither", "none", "nothing", "without", "cannot",
            "hardly", "barely", "only", "except", "unless"}


def _cite(src: Src, index: int, k: int) -> tuple[str, int]:
    """The paragraph the k-th prose paragraph of brief `index` cites: cycling, so that the
    briefs of a source cite every one of its paragraphs."""
    return src.id, (index * 3 + k) % len(src.paragraphs) + 1


def _body(rng: random.Random, ent: Ent, ents: list[Ent], quotes: list[tuple[str, str, int]],
          src: Src, index: int) -> str:
    lines = ["", "## Overview", ""]
    wikis = 0
    for k in range(3):
        para = []
        for _ in range(rng.randint(3, 5)):
            wiki = wikis < 4 and rng.random() < 0.4
            wikis += wiki
            para.append(_prose_sentence(rng, ents, wiki))
        sid, pnum = _cite(src, index, k)
        sentences = src.paragraphs[pnum - 1]
        phrase = _phrase(rng, rng.choice(sentences), " ".join(sentences)) if k < 2 else None
        if phrase:
            para.append(f'The source puts it as "{phrase}".')
        lines += [" ".join(para) + f" ([[{sid}#p{pnum}]])", ""]
    qid, sid, pnum = quotes[0][0], quotes[0][1], quotes[0][2]
    lines += [f"The key passage is in [[{sid}#p{pnum}]]:", "", f"[[quote:{qid}]]", ""]
    lines += ["## Related", ""]
    for k, other in enumerate(rng.sample(ents, 3)):
        sid, pnum = _cite(src, index, k + 3)
        lines.append(f"- [[{other.id}]]: {_prose_sentence(rng, ents, False)} ([[{sid}#p{pnum}]])")
    lines.append("")
    return "\n".join(lines)


def _elide(rng: random.Random, sentence: str) -> str | None:
    """The sentence with a middle stretch left out ('...'), never a negating word."""
    words = sentence.split()
    if len(words) < 9:
        return None
    cut = rng.randint(3, len(words) - 5)
    gap = words[cut:cut + 2]
    edges = words[cut - 1:cut + 3]
    if any(w.strip(",;.:!?").lower() in NEGATING for w in gap + edges):
        return None
    return " ".join(words[:cut]) + " ... " + " ".join(words[cut + 2:])


def _brief(rng: random.Random, ent: Ent, ents: list[Ent], by_kind: dict[str, list[Ent]],
           srcs: list[Src], index: int) -> str:
    persons = [e for e in by_kind["actor"] if e.type == "person"]
    states = [e for e in by_kind["actor"] if e.type == "state"]
    actors = by_kind["actor"]
    # Quotes: exact sentences from one or two sources near this brief.
    chosen = [srcs[(index // BRIEFS_PER_SOURCE) % len(srcs)], srcs[(index * 7 + 3) % len(srcs)]]
    quotes, seen = [], set()
    while len(quotes) < QUOTES_PER_BRIEF:
        src = rng.choice(chosen)
        p = rng.randrange(len(src.paragraphs))
        s = rng.choice(src.paragraphs[p])
        if s in seen:
            continue
        seen.add(s)
        if len(quotes) == QUOTES_PER_BRIEF - 1:  # the last quote is elided
            s = _elide(rng, s) or s
        quotes.append((f"q{len(quotes) + 1}", src.id, p + 1, s))
    fm = ["---", f"name: {_q(ent.name)}",
          f"summary: {_q(f'{ent.name} as the sources present it: {_prose_sentence(rng, ents, False)}')}",
          f"updated: {_date(rng)}"]
    if ent.aliases:
        fm.append(f"aliases: [{', '.join(_q(a) for a in ent.aliases)}]")
    if ent.abbreviation:
        fm.append(f"abbreviation: {_q(ent.abbreviation)}")
    fm.append(f"tags: [{ent.kind}, {rng.choice(['diplomacy', 'energy', 'security', 'trade'])}]")
    if ent.kind == "actor":
        fm.append(f"type: {ent.type}")
        if ent.type != "state":
            fm.append(f"country: {rng.choice(states).id}")
        if ent.type == "person":
            fm.append("roles:")
            for of in [a for a in rng.sample(actors, 3) if a.id != ent.id][:2]:
                fm += [f"  - title: {rng.choice(ROLES)}", f"    of: {of.id}",
                       f"    from: {_date(rng, 'month')}"]
    elif ent.kind == "agreement":
        signed = _date(rng)
        proposed = f"{int(signed[:4]) - 1}{signed[4:7]}"  # a year before it was signed
        fm += [f"type: {ent.type}", f"status: {rng.choice(AGREEMENT_STATUSES)}",
               f"proposed: {proposed}", f"signed: {signed}",
               f"parties: {_ids(e.id for e in rng.sample(states, min(3, len(states))))}",
               f"signatories: {_ids(e.id for e in rng.sample(persons or actors, 2))}",
               f"mediators: {_ids([rng.choice(actors).id])}",
               f"location: {_q(rng.choice(states).name)}",
               "provisions:", f"  - {_q('Both sides commit to ' + rng.choice(OBJECTS) + '.')}",
               f"  - {_q('A review after one year, ' + rng.choice(WHEN) + '.')}"]
    else:
        members = rng.sample(actors, 4)
        fm += [f"status: {ent.type}", "actors:"]
        fm += [f"  - {{id: {m.id}, role: {_q(rng.choice(ROLES))}}}" for m in members[:2]]
        fm += [f"  - {m.id}" for m in members[2:]]
        fm.append(f"agreements: {_ids(e.id for e in rng.sample(by_kind['agreement'], min(2, len(by_kind['agreement']))))}")
        fm.append("judgments:")
        for j in range(2):
            term = rng.choice(LIKELIHOODS)  # the sentence uses its own ICD 203 term
            fm += [f"  - text: {_q('It is ' + term + ' that ' + rng.choice(CLAIMS) + '.')}",
                   f"    likelihood: {term}",
                   f"    confidence: {rng.choice(CONFIDENCES)}",
                   f"    quotes: [q{j + 1}, q{j + 3}]"]
        fm.append("events:")
        for j in range(2):
            fm += [f"  - date: {_date(rng, rng.choice(['year', 'month', 'day']))}",
                   f"    text: {_q(_prose_sentence(rng, ents, False))}",
                   f"    actors: {_ids(m.id for m in members[j:j + 2])}",
                   f"    quote: q{j + 2}"]
    fm.append("quotes:")
    by_id = {s.id: s for s in srcs}
    for qid, sid, pnum, text in quotes:
        fm += [f"  - id: {qid}", f"    text: {_q(text)}", f"    source: {sid}"]
        elided = " ... " in text  # its parts may sit elsewhere too: no speaker on it
        near = " ".join(by_id[sid].paragraphs[pnum - 1]) if rng.random() < 0.4 and not elided else ""
        named = [p for p in persons if p.name in near]  # a speaker is named beside the quote
        if named:
            fm.append(f"    speaker: {rng.choice(named).id}")
        if rng.random() < 0.3:
            fm.append(f"    credibility: {rng.randint(2, 6)}")
    fm.append("---")
    return "\n".join(fm) + "\n" + _body(rng, ent, ents, [(q[0], q[1], q[2]) for q in quotes],
                                        chosen[0], index)


def _source_meta(rng: random.Random, src: Src, sha: str) -> str:
    return "\n".join([
        f"title: {_q(src.title)}",
        f"label: {_q(src.title.split(':')[-1].split(' and ')[0].strip())}",
        f"publisher: {_q(rng.choice(['The Dispatch', 'Regional Review', 'Wire Service']))}",
        "author: null",
        f"published: {_date(rng)}",
        f"url: https://example.org/{src.id}",
        "language: en",
        f"sha256: {sha}",
        "reliability:",
        f"  grade: {rng.choice('ABCDEF')}",
        "  rationale: \"A synthetic source for the benchmark.\"",
        "boilerplate: []",
        "headings: []",
        "",
    ])


HOME = """# Synthetic briefing

**Bottom line.** A generated briefing of {count} briefs for the performance benchmark.

<!-- briefing:key-judgments -->

<!-- briefing:last-reviewed -->

## Topics

<!-- briefing:topics -->
"""


def generate(root: Path, briefs: int, seed: int = SEED) -> dict:
    """Write the project into `root` (created); returns counts."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "docs", root / "docs", ignore=ignore, dirs_exist_ok=True)
    (root / "briefing.yml").write_text("# The benchmark's corpus: every rule at its default.\n", encoding="utf-8")
    names = Names(rng)
    ents = _entities(rng, names, briefs)
    by_kind: dict[str, list[Ent]] = {"actor": [], "agreement": [], "topic": []}
    for e in ents:
        by_kind[e.kind].append(e)
    used: set[str] = set()
    srcs = [_source(rng, names, ents, used) for _ in range(max(1, briefs // BRIEFS_PER_SOURCE))]
    seeds = root / "seeds"
    seeds.mkdir(exist_ok=True)
    for src in srcs:
        data = src.text().encode("utf-8")
        (seeds / f"{src.id}.txt").write_bytes(data)
        (seeds / f"{src.id}.yaml").write_text(_source_meta(rng, src, hashlib.sha256(data).hexdigest()),
                                              encoding="utf-8")
    for kind in by_kind:
        (root / "briefs" / f"{kind}s").mkdir(parents=True, exist_ok=True)
    for i, ent in enumerate(ents):
        text = _brief(rng, ent, ents, by_kind, srcs, i)
        (root / "briefs" / f"{ent.kind}s" / f"{ent.id}.md").write_text(text, encoding="utf-8")
    # The repository's home page links the real briefing's ids; the corpus gets its own.
    (root / "docs" / "index.md").write_text(HOME.format(count=len(ents)), encoding="utf-8")
    return {"briefs": len(ents), "sources": len(srcs),
            **{f"{k}s": len(v) for k, v in by_kind.items()}}


if __name__ == "__main__":  # python -m bench.corpus DIR [BRIEFS]
    import sys
    print(generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 300))

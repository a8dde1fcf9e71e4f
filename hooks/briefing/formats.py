"""The file formats of the public contract, described once with the types of `schema`.

Brief kinds (`briefs/<kind>s/<id>.md` front matter), source metadata (`seeds/<id>.yaml`)
and the glossary (`briefs/glossary.yaml`). `json_schema()` turns each into a JSON Schema.
"""
from __future__ import annotations

from .problems import RULES, SEVERITIES
from .schema import (Bool, Date, Enum, Field, Int, LineSpec, ListOf, Nullable, OneOf, QuoteId, Record, Ref,
                     Slug, Text, Url)

ACTOR_TYPES = ("person", "state", "organization", "media", "group")
AGREEMENT_TYPES = ("treaty", "agreement", "resolution", "draft-resolution", "memorandum",
                   "framework", "other")
# 'unknown': what the sources do not say is not said.
AGREEMENT_STATUSES = ("proposed", "negotiating", "signed", "ratified", "in-force", "expired",
                      "withdrawn", "rejected", "unknown")
AGREEMENT_DATES = ("proposed", "signed", "ratified", "in_force", "expires")
TOPIC_STATUSES = ("ongoing", "emerging", "dormant", "resolved")
# ICD 203 estimative language, row 1, from least to most likely.
LIKELIHOODS = ("almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely",
               "very likely", "almost certain")
CONFIDENCES = ("low", "moderate", "high")
# Admiralty code (STANAG 2511).
RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
               "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}
CREDIBILITY = {1: "confirmed by other sources", 2: "probably true", 3: "possibly true",
               4: "doubtful", 5: "improbable", 6: "truth cannot be judged"}

KIND_LABELS = {"actor": "Actor", "agreement": "Agreement", "topic": "Topic",
               "source": "Source", "term": "Term"}
ACTOR = ("actor",)
# What `briefing new` writes where a person must write: `check` refuses to publish it.
PLACEHOLDER_SUMMARY = "One or two sentences."
PLACEHOLDER_BODY = "Write the analysis here."
NAME = Text()
LINE = Text()
PROSE = Text(single_line=False)

QUOTE = Record(title="quote", fields=(
    Field("text", PROSE, True, "the words exactly as the source has them; '...' marks an elision",
          '"strategic, not ceremonial"'),
    Field("source", Ref(kinds=("source",)), True, "the id of a source in seeds/", "source-id"),
    Field("id", Slug(), doc="a short id, to place the quote in prose with [[quote:ID]]"),
    Field("speaker", Ref(kinds=ACTOR), doc="the actor whose words these are"),
    Field("note", PROSE, doc="the analyst's comment"),
    Field("credibility", Int(low=1, high=6, hint="the Admiralty code: 1 confirmed by other sources, "
                             "2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 truth "
                             "cannot be judged; write the number, e.g. credibility: 2"),
          doc="Admiralty information credibility: 1 confirmed … 6 cannot be judged"),
))

COMMON = (
    Field("name", NAME, True, "display name or title", '"Display Name"'),
    Field("summary", PROSE, True, "one or two sentences, shown first", f'"{PLACEHOLDER_SUMMARY}"'),
    Field("updated", Date(full=True), doc="the date the brief was last reviewed, YYYY-MM-DD"),
    Field("aliases", ListOf(item=NAME, unique=True), doc="other names for it; they resolve [[links]]"),
    Field("abbreviation", LINE, doc="e.g. UNESCO; gets a tooltip site-wide"),
    Field("tags", ListOf(item=NAME, unique=True), doc="free tags"),
    Field("no_autolink", ListOf(item=NAME, unique=True),
          doc="the name or aliases that are never linked automatically"),
    Field("quotes", ListOf(item=QUOTE), doc="verified quotes from the sources"),
)

ROLE = Record(title="role", fields=(
    Field("title", LINE, True, "e.g. Foreign Minister"),
    Field("of", Ref(kinds=ACTOR), True, "the actor id the role is held in"),
    Field("from", Date(), doc="a partial date"),
    Field("to", Date(), doc="a partial date"),
))

ACTOR_FIELDS = COMMON + (
    Field("type", Enum(values=ACTOR_TYPES), True, "one of " + ", ".join(ACTOR_TYPES), "person"),
    Field("country", Ref(kinds=ACTOR, actor_type="state"), doc="the id of a state"),
    Field("roles", ListOf(item=ROLE), doc="offices held: {title, of, from, to}"),
)

AGREEMENT_FIELDS = COMMON + (
    Field("type", Enum(values=AGREEMENT_TYPES), True, "one of " + ", ".join(AGREEMENT_TYPES), "agreement"),
    Field("status", Enum(values=AGREEMENT_STATUSES), True,
          "one of " + ", ".join(AGREEMENT_STATUSES), "signed"),
    *(Field(name, Date(), doc="a partial date") for name in AGREEMENT_DATES),
    Field("parties", ListOf(item=Ref(kinds=ACTOR), unique=True), doc="actor ids"),
    Field("signatories", ListOf(item=Ref(kinds=ACTOR), unique=True), doc="actor ids"),
    Field("mediators", ListOf(item=Ref(kinds=ACTOR), unique=True), doc="actor ids"),
    Field("date_note", LINE, doc="how a date was arrived at, e.g. 'the year is inferred from the article's date'"),
    Field("location", LINE, doc="where it was concluded"),
    Field("provisions", ListOf(item=Text(single_line=False)), doc="short statements"),
)

TOPIC_ACTOR = OneOf(plain=Ref(kinds=ACTOR), mapping=Record(title="topic actor", fields=(
    Field("id", Ref(kinds=ACTOR), True, "an actor id"),
    Field("role", LINE, doc="its role in this topic"),
)))

JUDGMENT = Record(title="key judgment", fields=(
    Field("text", PROSE, True, "the judgment, using its likelihood term"),
    Field("likelihood", Enum(values=LIKELIHOODS), True, "ICD 203: " + ", ".join(LIKELIHOODS)),
    Field("confidence", Enum(values=CONFIDENCES), True, "analytic confidence: low, moderate, high"),
    Field("quotes", ListOf(item=QuoteId(), unique=True), doc="ids of quotes in this brief that support it"),
))

EVENT = Record(title="event", fields=(
    Field("date", Date(), doc="a partial date; leave it out when the sources give none (the event is 'Undated')"),
    Field("date_note", LINE, doc="how the date was arrived at, e.g. 'the year is inferred'"),
    Field("text", PROSE, True, "what happened"),
    Field("actors", ListOf(item=Ref(kinds=ACTOR), unique=True), doc="actor ids"),
    Field("quote", QuoteId(), doc="the id of a quote in this brief that documents it"),
))

TOPIC_FIELDS = COMMON + (
    Field("status", Enum(values=TOPIC_STATUSES), True, "one of " + ", ".join(TOPIC_STATUSES), "ongoing"),
    Field("actors", ListOf(item=TOPIC_ACTOR), doc="actor ids, or {id, role}"),
    Field("agreements", ListOf(item=Ref(kinds=("agreement",)), unique=True), doc="agreement ids"),
    Field("judgments", ListOf(item=JUDGMENT), doc="two to five key judgments"),
    Field("events", ListOf(item=EVENT), doc="dated events for the timeline"),
)

SOURCE_FIELDS = (
    Field("title", NAME, True, "the article's title; a supplied title goes in [square brackets]"),
    Field("label", NAME, True, "the short name citations use, e.g. 'Gazette' in 'Gazette ¶4'", '"Short label"'),
    Field("publisher", Nullable(inner=LINE), doc="null when unknown"),
    Field("author", Nullable(inner=LINE), doc="null when unknown"),
    Field("published", Nullable(inner=Date()), doc="a partial date; null when unknown"),
    Field("republished_from", Nullable(inner=LINE), doc="the outlet it first appeared in"),
    Field("url", Nullable(inner=Url()), doc="http(s) address; null when unknown"),
    Field("language", Nullable(inner=LINE), doc="e.g. en"),
    Field("sha256", Text(), True, "sha256 of the .txt file; `sha256sum seeds/<id>.txt`"),
    Field("reliability", Record(title="reliability", fields=(
        Field("grade", Enum(values=tuple(RELIABILITY)), True, "Admiralty A–F"),
        Field("rationale", PROSE, True, "one line"),
    )), doc="Admiralty source reliability"),
    Field("boilerplate", ListOf(item=LineSpec()), doc="lines of the .txt that are not article text"),
    Field("headings", ListOf(item=LineSpec()), doc="lines of the .txt that are subheadings"),
    Field("aliases", ListOf(item=NAME, unique=True), doc="other names for the source"),
    Field("notes", Nullable(inner=PROSE), doc="free notes"),
)

GLOSSARY_TERM = Record(title="glossary term", fields=(
    Field("term", NAME, True, "the term as readers meet it"),
    Field("definition", PROSE, True, "one sentence"),
    Field("abbreviation", Nullable(inner=LINE), doc="e.g. UNSC"),
    Field("aliases", ListOf(item=NAME, unique=True), doc="other spellings"),
    Field("see", ListOf(item=Ref(kinds=("actor", "agreement", "topic", "source")), unique=True),
          doc="related entity ids"),
))

SETTINGS_FIELDS = (
    Field("requires", Text(), doc="the generator version this briefing needs, e.g. '>=0.2.0'"),
    Field("strict", Bool(), doc="true: warnings fail `briefing check` and the build"),
    Field("rules", Record(title="rules", fields=tuple(
        Field(name, Enum(values=SEVERITIES, accept=((False, "off"),)), doc=f"{what} (default: {default})")
        for name, (default, what) in RULES.items())),
          doc="content rules: each error, warning or off"),
)

FORMATS: dict[str, Record] = {
    "actor": Record(title="actor brief", fields=ACTOR_FIELDS),
    "agreement": Record(title="agreement brief", fields=AGREEMENT_FIELDS),
    "topic": Record(title="topic brief", fields=TOPIC_FIELDS),
    "source": Record(title="source metadata", fields=SOURCE_FIELDS),
    "glossary": Record(title="glossary", fields=(
        Field("terms", ListOf(item=GLOSSARY_TERM), True, "the glossary terms"),)),
    "settings": Record(title="briefing settings (briefing.yml)", fields=SETTINGS_FIELDS),
}


def json_schema(kind: str) -> dict:
    record = FORMATS[kind]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{kind}.schema.json", **record.schema()}

"""The briefing's domain model: typed records passed from stage to stage."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar
from functools import cached_property

from .dates import PartialDate

KINDS = ("actor", "agreement", "topic")  # brief kinds, each in briefs/<kind>s/
FOLDERS = {f"{kind}s": kind for kind in KINDS}
GLOSSARY_PATH = "briefs/glossary.yaml"


@dataclass(frozen=True)
class Reference:
    """Where a brief names another entity by id: the `field` ('roles.of', for grouping)
    and the `label` a contributor reads ('roles[2].of'), at the id's line and column."""

    target: str
    field: str
    label: str
    line: int
    col: int = 1


@dataclass
class QuoteMatch:
    """Where a verified quote sits in its source: paragraph and code-point offsets."""

    paragraph: int  # 1-based paragraph number, anchor #p<N>
    spans: list[tuple[int, int]]  # per elided segment: code-point offsets into the paragraph
    exact: str  # the source's own words, segments joined by " … "
    source: str = ""  # the source's id

    @property
    def start(self) -> int:
        return self.spans[0][0]


@dataclass
class Quote:
    text: str
    source: str
    owner: str  # id of the brief that quotes it
    number: int  # 1-based position in the brief's list
    line: int
    id: str = ""
    speaker: str | None = None
    note: str | None = None
    credibility: int | None = None
    match: QuoteMatch | None = None
    owner_path: str = ""  # the file of the brief that quotes it
    col: int = 1  # the column of its text in that file
    note_line: int = 0  # the line of its note

    @property
    def where(self) -> tuple:
        return ("quotes", self.number - 1)

    @property
    def anchor(self) -> str:
        """The quote's anchor on its brief's page."""
        return f"q-{self.id}"

    @property
    def cited_anchor(self) -> str:
        """The quote's anchor on its source's page."""
        return f"c-{self.owner}-{self.id}"


@dataclass
class Role:
    title: str
    of: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    line: int = 0
    where: tuple = ()  # its path in the front matter, e.g. ('roles', 0)


@dataclass
class TopicActor:
    id: str
    role: str | None = None
    line: int = 0
    where: tuple = ()


@dataclass
class Judgment:
    text: str
    likelihood: str
    confidence: str
    quotes: list[str] = field(default_factory=list)
    line: int = 0
    where: tuple = ()


@dataclass
class Event:
    date: PartialDate | None  # None: the sources give no date ("Undated")
    text: str
    topic: str
    actors: list[str] = field(default_factory=list)
    quote: str | None = None
    line: int = 0
    date_note: str | None = None
    where: tuple = ()

    def shown_date(self) -> str:
        """The date as readers see it, with how it was arrived at."""
        shown = self.date.display() if self.date else "Undated"
        return f"{shown} ({self.date_note})" if self.date_note else shown


@dataclass
class Entity:
    """What every page-bearing record shares: briefs and sources alike."""

    id: str
    name: str
    summary: str
    path: str  # the file behind the page, relative to the project root
    line: int = 1  # the line of the front matter's first field
    aliases: list[str] = field(default_factory=list)
    abbreviation: str | None = None
    tags: list[str] = field(default_factory=list)
    updated: PartialDate | None = None
    no_autolink: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    body: str = ""  # Markdown prose
    body_line: int = 1  # the file line the body starts on
    field_lines: dict[str, int] = field(default_factory=dict)  # field name -> line
    # Every id the front matter names, by (the path of the field holding it, the id).
    references: dict[tuple, Reference] = field(default_factory=dict)
    stub: bool = False  # a file that could not be read: it holds its id, nothing more
    broken_quotes: list[str] = field(default_factory=list)  # ids of quote entries with errors

    kind = "entity"

    @cached_property
    def page(self) -> str:
        """The page's path in the site's docs tree, e.g. actors/ana-costa.md."""
        return f"{self.kind}s/{self.id}.md"

    @cached_property
    def tooltip(self) -> str:
        """The start of the summary, shown when hovering a link to this entity."""
        return self.summary[:200]

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name, self.line)

    def reference(self, target: str | None, *paths: tuple) -> Reference | None:
        """Where the front matter names `target` in the first of `paths` that holds it
        (a list's path, or a field's: ('parties',), ('quotes', 0, 'speaker'))."""
        if target is None:
            return None
        for path in paths:
            found = self.references.get((path, target))
            if found is not None:
                return found
        first = paths[0]
        name = ".".join(str(p) for p in first if not isinstance(p, int))
        return Reference(target, name, f"'{name}'", self.line_of(str(first[0])))


@dataclass
class Actor(Entity):
    type: str | None = "organization"  # None when the brief's value is invalid
    country: str | None = None
    roles: list[Role] = field(default_factory=list)
    kind = "actor"


@dataclass
class Agreement(Entity):
    type: str | None = "other"
    status: str = "proposed"
    dates: dict[str, PartialDate] = field(default_factory=dict)  # proposed, signed, …
    parties: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    mediators: list[str] = field(default_factory=list)
    location: str | None = None
    provisions: list[str] = field(default_factory=list)
    date_note: str | None = None
    kind = "agreement"


@dataclass
class Topic(Entity):
    status: str = "ongoing"
    actors: list[TopicActor] = field(default_factory=list)
    agreements: list[str] = field(default_factory=list)
    judgments: list[Judgment] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    judgments_written: int = 0  # entries under 'judgments:', the invalid ones (left out) too
    kind = "topic"


@dataclass
class Stub(Entity):
    """A brief or source whose file could not be read: it holds its id (the file name) and
    the names that could be read, so that references to it resolve and the one mistake
    gives one error. `kind` is set per stub; None for a file in the wrong folder."""

    type: str | None = None

    def __post_init__(self):
        self.stub = True


@dataclass
class Paragraph:
    number: int  # 1-based, anchor #p<N>
    text: str  # as the source has it
    line: int  # line in the .txt
    offset: int = 0  # code points from the start of the .txt (decoded, LF line endings)


@dataclass
class Source(Entity):
    """A source article: `seeds/<id>.txt` (byte for byte) and `seeds/<id>.yaml`."""

    label: str = ""  # the short name in citations: "Gazette" in "Gazette ¶4"
    publisher: str | None = None
    author: str | None = None
    published: PartialDate | None = None
    republished_from: str | None = None
    url: str | None = None
    language: str | None = None
    sha256: str = ""
    grade: str | None = None  # Admiralty reliability A–F
    rationale: str | None = None
    notes: str | None = None
    text_path: str = ""
    text: str = ""  # the .txt, decoded, line endings folded
    paragraphs: list[Paragraph] = field(default_factory=list)
    headings: dict[int, str] = field(default_factory=dict)  # paragraph number -> heading before it
    kind = "source"

    @property
    def short_name(self) -> str:
        """A title can be a whole headline: citations and captions use the label."""
        return self.label or self.name


@dataclass
class GlossaryTerm:
    term: str
    definition: str
    line: int
    abbreviation: str | None = None
    aliases: list[str] = field(default_factory=list)
    see: list[str] = field(default_factory=list)
    see_references: dict[str, Reference] = field(default_factory=dict)  # by id

    @property
    def anchor(self) -> str:
        from .slugs import slugify
        return "term-" + (slugify(self.term) or "x")


@dataclass
class Briefing:
    """Everything loaded and validated, before indexing."""

    actors: list[Actor] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    stray: list[Entity] = field(default_factory=list)  # briefs in the wrong folder (stubs)
    glossary_path: ClassVar[str] = GLOSSARY_PATH

    def entities(self) -> list[Entity]:
        return [*self.actors, *self.agreements, *self.topics, *self.sources, *self.stray]

    def brief_count(self) -> int:
        return len(self.actors) + len(self.agreements) + len(self.topics) + len(self.stray)

    def quote_count(self) -> int:
        return sum(len(e.quotes) for e in self.entities())

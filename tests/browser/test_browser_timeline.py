"""The timeline filter: client-side, no network."""

from __future__ import annotations

STATE_JS = """() => [...document.querySelectorAll("li.bf-event")].map(e => ({
    actors: (e.getAttribute("data-actors") || "").split(/\\s+/).filter(Boolean),
    topics: (e.getAttribute("data-topics") || "").split(/\\s+/).filter(Boolean),
    shown: !!e.getClientRects().length,
}))"""

PERIODS_JS = """() => [...document.querySelectorAll(".bf-period")].map(p => ({
    shown: !!p.getClientRects().length,
    visibleEvents: [...p.querySelectorAll("li.bf-event")].filter(e => e.getClientRects().length).length,
}))"""


def _options(page, name):
    return page.eval_on_selector_all(
        f'form.bf-filter select[name="{name}"] option',
        "opts => opts.map(o => o.value).filter(Boolean)",
    )


def _check_filter(page, name: str, attr: str):
    select = page.locator(f'form.bf-filter select[name="{name}"]').first
    assert select.count() == 1, f"timeline.html has no form.bf-filter select[name={name}]"
    values = _options(page, name)
    assert values, f"the {name} filter offers no choice"
    events = page.evaluate(STATE_JS)
    assert events and all(e["shown"] for e in events), "not every event is shown before filtering"
    total = len(events)
    tried = []
    for value in values:
        select.select_option(value)
        state = page.evaluate(STATE_JS)
        shown = [e for e in state if e["shown"]]
        hidden = [e for e in state if not e["shown"]]
        for e in shown:
            assert value in e[attr], f"{name}={value}: an event without it is shown: {e}"
        for e in hidden:
            assert value not in e[attr], f"{name}={value}: an event with it is hidden: {e}"
        for p in page.evaluate(PERIODS_JS):
            assert p["shown"] == (p["visibleEvents"] > 0), f"{name}={value}: period {p}"
        tried.append((value, len(shown)))
        if 0 < len(shown) < total:
            break
    else:
        raise AssertionError(f"no {name} choice hides some events but not all: {tried} of {total}")
    select.select_option("")
    assert all(e["shown"] for e in page.evaluate(STATE_JS)), "choosing all does not show every event"
    assert all(p["shown"] for p in page.evaluate(PERIODS_JS))


def test_timeline_filter_by_actor(site, offline):
    op = offline()
    op.goto(site.url("timeline.html"))
    _check_filter(op.page, "actor", "actors")
    assert op.blocked == [] and op.errors == []


def test_timeline_filter_by_topic(site, offline):
    op = offline()
    op.goto(site.url("timeline.html"))
    if not _options(op.page, "topic"):
        # A timeline with no topic at all has nothing to filter by.
        assert op.page.locator('form.bf-filter select[name="topic"]').count() >= 1
        return
    _check_filter(op.page, "topic", "topics")
    assert op.blocked == [] and op.errors == []


def test_timeline_filters_combine(site, offline):
    op = offline()
    op.goto(site.url("timeline.html"))
    page = op.page
    actors, topics = _options(page, "actor"), _options(page, "topic")
    if not actors or not topics:
        return
    page.select_option('form.bf-filter select[name="actor"]', actors[0])
    page.select_option('form.bf-filter select[name="topic"]', topics[0])
    for e in page.evaluate(STATE_JS):
        wanted = actors[0] in e["actors"] and topics[0] in e["topics"]
        assert e["shown"] == wanted, e

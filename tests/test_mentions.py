"""The record of who mentions whom, updated in place between the live preview's runs."""
from __future__ import annotations

from briefing.mentions import Mentions
from briefing.prose import Mention


def _mention(target: str, page: str, text: str = "") -> Mention:
    return Mention(target, page, "", "Before ", text or target, " after.")


def _run(record: Mentions, pages: dict[str, tuple]) -> None:
    record.begin()
    for page, (keys, snippets) in pages.items():
        record.put(page, keys, snippets)
    record.end()


def test_a_page_linked_again_replaces_what_it_gave_and_a_gone_page_takes_it_out():
    record = Mentions()
    a_keys, a_snippets = {"ana", "port"}, {"ana": _mention("ana", "a.md")}
    b_keys, b_snippets = {"ana"}, {"ana": _mention("ana", "b.md")}
    _run(record, {"a.md": (a_keys, a_snippets), "b.md": (b_keys, b_snippets)})
    assert record.pages == {"ana": {"a.md", "b.md"}, "port": {"a.md"}}
    assert list(record.snippets["ana"]) == ["a.md", "b.md"]
    record.prints()

    _run(record, {"a.md": ({"port"}, {"port": _mention("port", "a.md")})})  # b.md is gone
    assert record.pages == {"port": {"a.md"}}
    assert dict(record.snippets) == {"port": {"a.md": record.snippets["port"]["a.md"]}}
    assert record.given.keys() == {"a.md"}


def test_a_replayed_page_touches_nothing_and_only_touched_keys_are_fingerprinted_again():
    record = Mentions()
    keys, snippets = {"ana"}, {"ana": _mention("ana", "a.md")}
    other = ({"port"}, {"port": _mention("port", "b.md")})
    _run(record, {"a.md": (keys, snippets), "b.md": other})
    first = dict(record.prints())
    assert first.keys() == {"mentions:ana", "count:ana", "pages:ana",
                            "mentions:port", "count:port", "pages:port"}

    _run(record, {"a.md": (keys, snippets), "b.md": other})  # the same objects
    assert record.touched == set()
    assert record.prints() == first

    _run(record, {"a.md": (keys, {"ana": _mention("ana", "a.md", "Ana Costa")}), "b.md": other})
    assert record.touched == {"ana"}
    now = record.prints()
    assert now["mentions:ana"] != first["mentions:ana"]
    assert now["mentions:port"] == first["mentions:port"] and now["pages:ana"] == first["pages:ana"]


def test_the_same_mentions_give_the_same_fingerprint_whatever_the_order_pages_were_linked():
    one, two = Mentions(), Mentions()
    a = ({"ana"}, {"ana": _mention("ana", "a.md")})
    b = ({"ana"}, {"ana": _mention("ana", "b.md")})
    _run(one, {"a.md": a, "b.md": b})
    _run(two, {"b.md": b, "a.md": a})
    assert one.prints() == two.prints()

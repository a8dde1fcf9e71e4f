"""The print edition's fragments (`briefing.printed`): links made in-page where the target
is in the edition, and a kept fragment rewritten when, and only when, what it shows changes."""
from briefing.printed import URL_CLASS, Part, PrintEdition, page_id

ANA = Part("actors/ana-costa.html", "Ana Costa", "actor")
PORT = "actors/port-1.html"
HTML = ('<h1 id="ana">Ana Costa</h1><p id="x">Works with <a href="port-1.html#p3:~:text=a,b">Port 1</a>, '
        'see <a href="../timeline.html">the timeline</a> and '
        '<a href="https://example.org/a">https://example.org/a</a>.</p>')


def test_links_to_pages_in_the_edition_become_in_page_and_the_others_point_at_the_site():
    edition = PrintEdition(keep=False)
    done = edition.fragment(ANA, HTML, frozenset({ANA.path, PORT}))
    assert f'href="#{page_id(PORT)}--p3"' in done  # the id alone: no text directive
    assert 'href="timeline.html"' in done
    assert f'id="{page_id(ANA.path)}--x"' in done
    assert "<h1" not in done  # the edition prints its own title
    assert f'class="{URL_CLASS}"' in done


def test_a_kept_fragment_is_reused_until_a_page_it_links_to_leaves_the_edition():
    edition = PrintEdition()
    first = edition.fragment(ANA, HTML, frozenset({ANA.path, PORT}))
    # Another page added: nothing this page links to changed, so the fragment is the same object.
    assert edition.fragment(ANA, HTML, frozenset({ANA.path, PORT, "actors/new.html"})) is first
    # The page it links to is gone from the edition: its link points at the site again.
    without = edition.fragment(ANA, HTML, frozenset({ANA.path}))
    assert f'href="#{page_id(PORT)}--p3"' not in without
    assert 'href="actors/port-1.html#p3:~:text=a,b"' in without
    assert edition.fragment(ANA, HTML.replace("Works", "Worked"), frozenset({ANA.path})) != without


def test_an_attribute_is_rewritten_only_where_its_name_starts_a_word():
    html = '<p data-bfid="keep" id="mine"><a data-xhref="x.html" href="port-1.html">P</a></p>'
    done = PrintEdition(keep=False).fragment(ANA, html, frozenset({PORT}))
    assert 'data-bfid="keep"' in done and f'id="{page_id(ANA.path)}--mine"' in done
    assert 'data-xhref="x.html"' in done and f'href="#{page_id(PORT)}"' in done

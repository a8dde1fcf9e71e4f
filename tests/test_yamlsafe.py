"""The untrusted-YAML loader: values, lines, and every refusal with its message."""
import pytest

from briefing.yamlsafe import MAX_DEPTH, YamlError, load_yaml


def test_values_and_lines():
    doc = load_yaml("name: X\nroles:\n  - title: A\n    of: b\nsigned: 2025-01-17\nn: 3\n", line_offset=1)
    assert doc.value == {"name": "X", "roles": [{"title": "A", "of": "b"}], "signed": "2025-01-17", "n": 3}
    assert doc.line("roles", 0, "of") == 5 and doc.line("signed") == 6
    assert doc.line("roles", 0, "missing") == 4  # falls back to the nearest known ancestor


@pytest.mark.parametrize("text, line, message", [
    ("a: &x 1\nb: *x\n", 1, "anchors (&) and aliases (*) are not allowed"),
    ("a: !!python/object/apply:os.system [ls]\n", 1,
     "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    ("a: !custom 1\n", 1, "the tag '!custom' is not allowed"),
    ("a: 1\nb: 2\na: 3\n", 3, "the key 'a' appears twice"),
    ("a: [1\n", 1, "YAML syntax error: a [list] that is never closed"),  # where it opens
    ("a: 1\n---\nb: 2\n", 2, "only one YAML document is allowed"),
    ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), 1, f"values are nested more than {MAX_DEPTH} levels deep"),
    ("? [a]\n: b\n", 1, "a key must be a plain word"),
])
def test_refusals(text, line, message):
    with pytest.raises(YamlError) as err:
        load_yaml(text)
    assert (err.value.line, err.value.message) == (line, message)


def test_billion_laughs_is_refused_at_the_first_alias():
    lol = "a: &a [lol, lol]\n" + "".join(f"{c}: &{c} [*{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    with pytest.raises(YamlError) as err:
        load_yaml(lol)
    assert err.value.message == "anchors (&) and aliases (*) are not allowed"


@pytest.mark.parametrize("text, line, col, message", [
    ('name: x\nsummary: "a\x07b"\n', 3, 12, "the control character U+0007 is not allowed in YAML"),
    ("name: x\n\nnote: caf\u00e9 \x1b[0m\n", 4, 12, "the control character U+001B is not allowed in YAML"),
    ("name: \ufffe\n", 2, 7, "the character U+FFFE is not allowed in YAML"),
])
def test_a_character_yaml_cannot_read_is_reported_on_its_own_line(text, line, col, message):
    """Not on the document's first line, and without PyYAML's 'in "<unicode string>",
    position N' (an offset in bytes, not characters)."""
    with pytest.raises(YamlError) as err:
        load_yaml(text, line_offset=1)
    assert (err.value.line, err.value.col, err.value.message) == (line, col, message)
    assert err.value.hint == "delete it: most editors do not show it"


@pytest.mark.parametrize("text, line, col, message, hint", [
    # a quotation mark opened and not closed: YAML reads on to the next one and fails there
    ('roles:\n  - title: "Minister\n    of: x\nquotes:\n  - text: "words"\n', 2, 12,
     "YAML syntax error: a quoted value that is not closed on its line",
     'close the " that opens here: YAML reads everything up to the next ", on line 5, as this one value'),
    ("name: 'Ana\ntype: x\nnote: it's\n", 1, 7,
     "YAML syntax error: a quoted value that is not closed on its line",
     "close the ' that opens here: YAML reads everything up to the next ', on line 3, as this one value"),
    ("name: x\n\ttype: state\n", 2, 1, "YAML syntax error: a tab character: YAML indentation must use spaces",
     "replace the tab with spaces"),
    ("name: x\ntype: @state\n", 2, 7, "YAML syntax error: a value cannot start with '@'",
     'put the value in quotes: "@…"'),
    ("roles:\n  - title: A\n   of: b\n", 3, 4,
     "YAML syntax error: 'of:' is indented by 3 spaces, but the field above it by 4",
     "line up 'of:' with the field above it"),
    ('quotes:\n  - text: "a"\n     source: b\n', 3, 6,
     "YAML syntax error: 'source:' is indented by 5 spaces, but the field above it by 4",
     "line up 'source:' with the field above it"),
    # a quotation inside a value quoted with the same mark: the value ends at the inner mark
    ('name: x\nsummary: "He called it "strategic" twice."\n', 2, 24,
     "YAML syntax error: a quoted value that ends before its line does",
     'a " inside the value ends it there: put the whole value in single quotes (\'…\'), '
     'write the inner marks as \\", or use curly quotation marks (“…”)'),
    ("roles:\n  - title: 'Iran's envoy'\n", 2, 17,
     "YAML syntax error: a quoted value that ends before its line does",
     "an apostrophe or ' inside the value ends it there: write it twice (''), or put the "
     'whole value in double quotes ("…")'),
])
def test_a_syntax_error_names_the_mistake_not_where_yaml_noticed_it(text, line, col, message, hint):
    with pytest.raises(YamlError) as err:
        load_yaml(text)
    assert (err.value.line, err.value.col, err.value.message, err.value.hint) == (line, col, message, hint)


def test_a_quoted_value_over_several_lines_is_not_taken_for_the_mistake():
    with pytest.raises(YamlError) as err:
        load_yaml('note: "one\n  two"\ntype: [x\n')
    assert (err.value.line, err.value.message) == (3, "YAML syntax error: a [list] that is never closed")

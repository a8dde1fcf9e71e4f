"""The two patterns the prose scanner shares with the renderers it must agree with.

They are copied, not imported: importing Python-Markdown and pymdownx.superfences (which
pulls in urllib, http.client and ssl) took 45 ms of every `check`, which renders nothing.
`tests/test_syntax.py` holds each copy equal to the installed library's, so an upgrade
that changes one fails the tests instead of drifting.
"""
import re

# Python-Markdown's raw-HTML pattern (`markdown.inlinepatterns.HTML_RE`), verbatim.
HTML_RE = (
    # Tag
    r'''(<(\/?+[a-zA-Z][^\s"'<>@]*+(?:\s+[^\s"'=<>]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'=<>]++))?+)*+\s*+/?|'''
    # Comment
    r'!--(?:(?!<!--|-->).)*--|'
    # Processing instruction
    r'[?](?:(?!<[?]|[?]>).)*[?]|'
    # `CDATA`
    r'!\[CDATA\[(?:(?!<!\[CDATA\[|\]\]>).)*\]\]'
    ')>)'
)

# A fence's opening line as pymdownx.superfences reads it (`RE_NESTED_FENCE_START`), verbatim.
FENCE_START = re.compile(
    r'''(?x)
    (?P<fence>~{3,}|`{3,})
    (?:[ \t]*\.?(?P<lang>[\w#.+-]+)(?=[\t ]|$))?                                           # Language
    (?:
        [ \t]*(\{(?P<attrs>[^\n]*)\}) |                                                    # Optional attributes or
        (?P<options>
            (?:
                (?:[ \t]*[a-zA-Z][a-zA-Z0-9_]*(?:=(?P<quot>"|').*?(?P=quot))?)(?=[\t ]|$)  # Options
            )+
        ) |
        (?P<unrecognized>
            (?:([ \t]*[^\s]+)(?=[\t ]|$))+
        )
    )?[ \t]*$
    '''
)

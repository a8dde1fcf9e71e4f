"""Accessibility: axe-core finds no serious or critical violation, light and dark."""

from __future__ import annotations


import pytest

PAGES = ["home", "actor", "agreement", "topic", "source", "glossary", "timeline", "graph"]
BLOCKING = {"serious", "critical"}


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:10]:
            lines.append(f"    at {' '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n         ")
            if summary:
                lines.append(f"         {summary[:400]}")
        if len(v["nodes"]) > 10:
            lines.append(f"    … and {len(v['nodes']) - 10} more")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_axe_violations(site, offline, axe_source, name, scheme):
    rel = site.page(name)
    op = offline(color_scheme=scheme)
    op.goto(site.url(rel))
    op.page.wait_for_timeout(300)
    op.page.add_script_tag(content=axe_source)
    result = op.page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                    target: n.target, html: n.html, failureSummary: n.failureSummary,
                })),
            }));
        }"""
    )
    blocking = [v for v in result if v["impact"] in BLOCKING]
    if result:
        print(f"\n{rel} ({scheme}) axe violations:\n{_describe(result)}")
    assert not blocking, (
        f"{rel} ({scheme}): {len(blocking)} serious/critical axe violation(s):\n"
        + _describe(blocking)
    )
    assert op.blocked == []

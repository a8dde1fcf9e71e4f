"""History: each brief's dated changes, from git, on its page."""
import re
import subprocess


def _git(root, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org",
                        "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org",
                        "GIT_AUTHOR_DATE": "2025-07-01T12:00:00Z", "GIT_COMMITTER_DATE": "2025-07-01T12:00:00Z",
                        "PATH": "/usr/bin:/bin"})


def _history(page: str) -> list[str]:
    section = page.split('<ul class="bf-history">', 1)[1].split("</ul>", 1)[0]
    return [re.sub(r"<[^>]+>", "", item).strip() for item in re.findall(r"<li>(.*?)</li>", section)]


# A commit of the briefing's own files shows its subject; one that also changes anything
# else (the generator, its tests, the tooling) was written for engineers, and shows only
# that the brief was revised.
def test_a_brief_s_history_shows_the_subjects_of_content_commits_only(corpus):
    _git(corpus.root, "init", "-q")
    corpus.write("Makefile", "all:\n")
    _git(corpus.root, "add", "-A")
    _git(corpus.root, "commit", "-qm", "Makefile: a new target for the schema checker")
    brief = corpus.root / "briefs/actors/ostria.md"
    brief.write_text(brief.read_text() + "\nOstria runs the harbour.\n")
    _git(corpus.root, "commit", "-qam", "Ostria: the harbour added")
    built = corpus.build()
    assert built.returncode == 0, built.output
    page = (built.site / "actors/ostria.html").read_text()
    assert _history(page) == ["2025-07-01 Ostria: the harbour added", "2025-07-01 Revised"]
    assert "schema checker" not in page

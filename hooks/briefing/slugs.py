"""Slugs for anchors and ids."""
import re
import unicodedata


def slugify(text: str) -> str:
    """ASCII slug: 'Article 5' -> 'article-5'; '' when nothing is left."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")

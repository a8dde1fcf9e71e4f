"""Stage 5, render: each page of the site as Markdown, from the index and the linked prose."""

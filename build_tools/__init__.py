"""Migration Governance Archive build tools: source texts → Markdown pages → MkDocs site."""

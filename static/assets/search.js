// Client-side search: filled in by the search index work.

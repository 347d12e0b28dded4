"""Read letters: load, clean, resolve footnotes, extract metadata, chunk, store."""

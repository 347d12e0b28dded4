"""The answer engine and its edges: CLI, chat page, HTTP API."""

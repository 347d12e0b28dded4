"""Evaluation of retrieval and answer grounding, with the project question set."""

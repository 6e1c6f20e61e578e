"""Listeners, one per file."""

"""Listeners of the app's shortcuts, one per file."""

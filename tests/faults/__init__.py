"""Fault injection: real bot processes killed, stopped, starved of their database, fuzzed."""

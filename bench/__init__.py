"""Benchmarks of Qunguan's hot paths, run by `qunguan bench …` (see bench/README.md)."""

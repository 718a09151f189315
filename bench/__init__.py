"""Benchmark scripts (not shipped; see README, Benchmarks): run bench/run_all.py."""

"""The HTTP benchmark (`make bench`): see __main__.py and docs/benchmarks.md."""

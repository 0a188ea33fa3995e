"""Gwella's benchmarks (`make bench`): each figure measured beside its reference in one run.

Run ``python -m bench`` (see ``bench/README.md``); ``tests/test_bench_smoke.py`` runs every
benchmark at a tiny size so that they keep working.
"""

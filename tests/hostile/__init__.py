"""The hostile corpus: data and helpers for tests/test_hostile.py."""

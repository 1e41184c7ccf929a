"""Evaluations against gold data sets in ../shared/eval: each module scores one task."""

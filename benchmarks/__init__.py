"""Benchmarks for the handbook: build cost, check scaling, live reload, page weight and PDFs (`make bench`)."""

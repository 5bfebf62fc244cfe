"""Benchmarks for the handbook: build cost, check scaling, live reload, page weight, PDFs, site build growth and
Lighthouse (`make bench`)."""

"""Renderers: one module per output format. They render what they are given and never exit."""

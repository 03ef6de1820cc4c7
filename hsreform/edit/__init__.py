"""The one place that writes data files: round-trip YAML, atomic writes, upgrades.

Every command that changes the data goes through here, so that comments, key order and
layout survive byte for byte, and a file is either the old one or the new one, never torn.
"""

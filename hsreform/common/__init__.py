"""The ground floor: the vocabulary every wing uses (findings, errors, messages, safe text, dates, numerals). Imports nothing of hsreform above it."""

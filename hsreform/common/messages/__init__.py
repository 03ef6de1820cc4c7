"""The message catalogue, one file per area: key -> (Chinese, English). See docs/architecture.md."""

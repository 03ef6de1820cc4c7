"""Reading files into values that keep their positions: YAML (fast and event by event) and spreadsheets, within stated limits."""

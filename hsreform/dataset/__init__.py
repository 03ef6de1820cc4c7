"""The data set: each field declared once (records), the pydantic models and JSON Schema derived from it, loading, validation, names, and what dated records say on a day."""

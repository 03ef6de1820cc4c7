"""hsreform: track the rollout of Heshuo County's plan 硕政办发〔2020〕15号."""

__version__ = "0.1.0"

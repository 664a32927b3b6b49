"""Data loading: every file is read here (pure functions taking Settings) and nowhere else."""

"""Partners reading back, syncing and retracting what their systems pushed."""

"""Database backends of our own (only where a stock one needs a small change)."""

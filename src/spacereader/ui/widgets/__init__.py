"""Widgets for the three panes and the status line."""

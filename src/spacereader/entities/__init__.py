"""Entity extraction: a model behind a small interface, the repairs around it, and the backlog worker."""

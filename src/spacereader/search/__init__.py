"""Search: the query language (pure); the store runs parsed queries."""

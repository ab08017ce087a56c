"""Sync with an aggregator over the Google Reader API: the server holds subscriptions, marks and stars."""

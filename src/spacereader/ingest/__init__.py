"""Getting articles in: seed files, feeds over HTTP, OPML. No Textual here."""

"""Ignore rules (a killfile): queries in the search language that keep matching new articles out of the cache.

At refresh, a new article matching a rule is not stored; its guid is remembered (store/ignored.py) so
the next refresh skips it quietly and `spacereader ignored` can show what each rule caught. A rule that
names an entity can only judge an article once its entities are extracted, after it is stored: such
articles are queued and removed by `sweep_entity_rules` when extraction reaches them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from spacereader.models import NewArticle, ParsedQuery, QueryError
from spacereader.search.matcher import Candidate, matches, needs_entities
from spacereader.search.query import parse_query
from spacereader.store import Connection
from spacereader.store import ignored as store_ignored
from spacereader.store.articles import known_hashes
from spacereader.store.ignored import ignored_guids, queue_for_entity_rules, record_ignored
from spacereader.store.marks import max_article_id


@dataclass(frozen=True)
class IgnoreRules:
    """Parsed rules, split into those judged at refresh and those waiting for extraction."""

    now_rules: tuple[tuple[str, ParsedQuery], ...] = ()
    entity_rules: tuple[tuple[str, ParsedQuery], ...] = ()
    errors: tuple[str, ...] = field(default=())
    """One line per rule that does not parse, naming it; the other rules still apply."""

    def __bool__(self) -> bool:
        return bool(self.now_rules or self.entity_rules)

    @classmethod
    def parse(cls, texts: Iterable[str], *, now: datetime | None = None) -> IgnoreRules:
        """Parse each rule on its own (relative dates such as `after:7d` count from `now`)."""
        now_rules: list[tuple[str, ParsedQuery]] = []
        entity_rules: list[tuple[str, ParsedQuery]] = []
        errors: list[str] = []
        for text in texts:
            parsed = parse_query(text, now=now)
            if isinstance(parsed, QueryError):
                errors.append(f"ignore rule {text!r} does not parse ({parsed.message}); the other rules apply")
            elif replace(parsed, text="") == ParsedQuery():
                errors.append(f"ignore rule {text!r} matches everything; left out")
            else:
                (entity_rules if needs_entities(parsed) else now_rules).append((text, parsed))
        return cls(tuple(now_rules), tuple(entity_rules), tuple(errors))

    def split(
        self, items: Sequence[NewArticle], feed_name: str, feed_url: str, skip: set[str]
    ) -> tuple[list[NewArticle], list[tuple[NewArticle, str]]]:
        """(kept, [(ignored, rule)]): judges only items whose guid is not in `skip` (already stored or ignored)."""
        kept: list[NewArticle] = []
        ignored: list[tuple[NewArticle, str]] = []
        for item in items:
            rule = None if item.guid in skip else self.first_match(item, feed_name, feed_url)
            if rule is None:
                kept.append(item)
            else:
                ignored.append((item, rule))
        return kept, ignored

    def first_match(self, item: NewArticle, feed_name: str, feed_url: str) -> str | None:
        """The first rule (as written) that matches the item now, or None."""
        if not self.now_rules:
            return None
        candidate = Candidate(item.title, item.body, item.author, feed_name, feed_url, item.published)
        columns = candidate.columns() if any(q.terms or q.excluded for _, q in self.now_rules) else None
        for text, query in self.now_rules:
            if matches(query, candidate, columns):
                return text
        return None


def keep_out(
    conn: Connection, rules: IgnoreRules, feed_id: int, feed_name: str, feed_url: str, items: Sequence[NewArticle]
) -> tuple[list[NewArticle], int]:
    """Inside the feed's transaction: drop new items a rule matches (remembering them) and items ignored before.

    Returns the items to store and how many were newly ignored.
    """
    if not rules:
        return list(items), 0
    before = ignored_guids(conn, feed_id)
    fresh = [item for item in items if item.guid not in before]
    kept, ignored = rules.split(fresh, feed_name, feed_url, set(known_hashes(conn, feed_id)))
    added = record_ignored(
        conn, feed_id, [(item.guid, item.title, item.url, item.published, rule) for item, rule in ignored]
    )
    return kept, added


def mark_for_entity_rules(conn: Connection, rules: IgnoreRules) -> int | None:
    """Before storing a feed: the id after which its new articles wait for entity rules (None: no such rules)."""
    return max_article_id(conn) if rules.entity_rules else None


def queue_new(conn: Connection, feed_id: int, after_id: int | None) -> None:
    """After storing a feed: queue its new articles for the entity rules, if any."""
    if after_id is not None:
        queue_for_entity_rules(conn, feed_id, after_id)


def sweep_entity_rules(conn: Connection, rules: IgnoreRules) -> list[int]:
    """Remove queued new articles that an entity rule matches now that they are extracted; the removed ids."""
    if not rules.entity_rules:
        return []
    return store_ignored.sweep_entity_rules(conn, rules.entity_rules)

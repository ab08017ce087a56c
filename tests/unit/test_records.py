"""Records behave as the frozen, slotted dataclasses they replace: compared field by field with the real thing."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from spacereader.models import Article, ArticleFilter, ArticleRow, Enclosure, ParsedQuery, QueryError, Term
from spacereader.records import record


@record
class Point:
    """A record with a default, to compare with the dataclass below."""

    x: int
    y: str = "y"


@dataclasses.dataclass(frozen=True, slots=True)
class DataPoint:
    x: int
    y: str = "y"


@record
class Point3(Point):
    z: tuple[int, ...] = ()


def test_construction_equality_hash_and_repr_match_a_frozen_dataclass():
    for args, kwargs in [((1,), {}), ((1, "a"), {}), ((), {"x": 2, "y": "b"}), ((3,), {"y": "c"})]:
        ours, theirs = Point(*args, **kwargs), DataPoint(*args, **kwargs)
        assert (ours.x, ours.y) == (theirs.x, theirs.y)
        assert repr(ours) == repr(theirs).replace("DataPoint", "Point")
        assert hash(ours) == hash(theirs)
    assert Point(1) == Point(1, "y") and Point(1) != Point(2) and Point(1) != Point3(1)
    assert Point(1) != (1, "y") and Point(1) != DataPoint(1)
    assert len({Point(1), Point(1), Point(2)}) == 2
    for bad in [(), (1, "a", "extra")]:
        with pytest.raises(TypeError):
            Point(*bad)
    with pytest.raises(TypeError):
        Point(1, q=2)


def test_fields_cannot_be_set_or_deleted_and_nothing_else_can_be_added():
    point = Point3(1, "a", (2,))
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.z  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.other = 1  # type: ignore[attr-defined]
    assert not hasattr(point, "__dict__")


def test_inherited_fields_come_first_and_replace_fields_pickle_and_copy_work():
    point = Point3(1, "a", (2,))
    assert [f.name for f in dataclasses.fields(point)] == ["x", "y", "z"] and dataclasses.is_dataclass(point)
    assert dataclasses.replace(point, y="b") == Point3(1, "b", (2,))
    assert pickle.loads(pickle.dumps(point)) == point and copy.deepcopy(point) == point
    assert isinstance(point, Point)


def test_the_models_keep_their_shapes():
    row = ArticleRow(1, 2, "t", "s", "u", "2026-01-01T00:00:00Z", False, True)
    article = Article(1, 2, "t", "s", "u", "", True, False, body="a\n\nb", enclosures=(Enclosure("e"),))
    assert isinstance(article, ArticleRow) and article.paragraphs == ["a", "b"] and row.bookmarked
    view = ArticleFilter(search=ParsedQuery("x", terms=(Term("x"),)))
    assert view.article_ids is None and hash(view) == hash(dataclasses.replace(view))
    assert dataclasses.replace(view, sort="title").describe() == "search: x"
    assert QueryError("bad") == QueryError("bad") and repr(QueryError("bad")) == "QueryError(message='bad')"


def test_a_default_factory_gives_each_record_its_own_value():
    from spacereader.config import Settings

    one, two = Settings(), Settings()
    assert one.keys == {} and one.keys is not two.keys
    assert Settings(keys={"a": "b"}).keys == {"a": "b"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.theme = "nord"  # type: ignore[misc]

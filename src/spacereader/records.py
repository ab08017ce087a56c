"""Frozen records for the models: what `@dataclass(frozen=True, slots=True)` gives, at a fifth of its import cost.

`dataclass` compiles six methods per class from generated source when a module is imported (on Python 3.11 about
0.5 ms a class: 8 ms for `spacereader.models`, all of it before the reader's first screen). A record compiles one
small `__init__`; equality, hashing, repr, pickling and immutability are shared functions. Each class keeps
`__dataclass_fields__`, so `dataclasses.replace` and `dataclasses.fields` work on it as on a dataclass, and the
type checker reads it as a frozen dataclass (`dataclass_transform`).
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

_C = TypeVar("_C", bound=type)
_NO_DEFAULT = dataclasses.MISSING
_FIELD_KIND = getattr(dataclasses, "_FIELD", None)
"""What `dataclasses.fields` looks for on a field; set so that it lists a record's fields too."""


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        return self.__record_values__(self) == other.__record_values__(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self.__record_values__(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
    return f"{self.__class__.__qualname__}({shown})"


def _setattr(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _reduce(self: Any) -> tuple[type, tuple[Any, ...]]:
    # The values in one attrgetter call: parse workers pickle every article they send back.
    return self.__class__, self.__record_values__(self)


def _values_of(names: tuple[str, ...]):
    """A function giving the fields' values as one tuple (attrgetter gives a bare value for one name)."""
    if len(names) == 1:
        only = attrgetter(names[0])
        return lambda record: (only(record),)
    return attrgetter(*names)


@dataclass_transform(frozen_default=True)
def record(cls: _C) -> _C:
    """Make `cls` a frozen, slotted record of its annotated fields (a base record's fields first)."""
    inherited: dict[str, dataclasses.Field] = dict(getattr(cls, "__dataclass_fields__", {}))
    own: dict[str, dataclasses.Field] = {}
    namespace = dict(cls.__dict__)
    for name in cls.__dict__.get("__annotations__", {}):
        default = namespace.pop(name, _NO_DEFAULT)
        spec = default if isinstance(default, dataclasses.Field) else dataclasses.field(default=default)
        spec.name = name
        if _FIELD_KIND is not None:
            setattr(spec, "_field_type", _FIELD_KIND)  # noqa: B010 (a private attribute of dataclasses)
        own[name] = spec
    fields = {**inherited, **own}
    names = tuple(fields)
    scope: dict[str, Any] = {"_set": object.__setattr__, "_unset": _NO_DEFAULT}
    parameters, body = [], []
    for name, spec in fields.items():
        parameter, value = name, name
        if spec.default is not _NO_DEFAULT:
            scope[f"_default_{name}"] = spec.default
            parameter = f"{name}=_default_{name}"
        elif spec.default_factory is not _NO_DEFAULT:  # a fresh value per record, as dataclass makes it
            scope[f"_factory_{name}"] = spec.default_factory
            parameter, value = f"{name}=_unset", f"_factory_{name}() if {name} is _unset else {name}"
        parameters.append(parameter)
        body.append(f"\n    _set(self, {name!r}, {value})")
    exec(f"def __init__(self, {', '.join(parameters)}):{''.join(body)}", scope)  # the one compiled method
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    namespace.update(
        __slots__=tuple(own),
        __init__=init,
        __dataclass_fields__=fields,
        __match_args__=names,
        __record_values__=staticmethod(_values_of(names)),
        __eq__=_eq,
        __hash__=_hash,
        __repr__=_repr,
        __setattr__=_setattr,
        __delattr__=_delattr,
        __reduce__=_reduce,
    )
    return type(cls)(cls.__name__, cls.__bases__, namespace)

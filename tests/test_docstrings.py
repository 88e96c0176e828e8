"""Every public class member says what it is in ``help()`` (issue 22 item 14).

A method or property has its own docstring; an attrs field is described in its class's
docstring (its name in double backquotes) or in ``attrs.field(metadata={"doc": …})``.
"""

from __future__ import annotations

import inspect

import attrs
import pytest

import sprep_templates
from sprep_templates import checking, export

MODULES = (sprep_templates, export, checking)


def public_classes():
    seen = {}
    for module in MODULES:
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) and value.__module__.startswith("sprep_templates"):
                if not issubclass(value, BaseException):
                    seen[value.__qualname__] = value
    return sorted(seen.items())


def undocumented(cls) -> list[str]:
    doc = inspect.getdoc(cls) or ""
    fields = {f.name: f for f in attrs.fields(cls)} if attrs.has(cls) else {}
    missing = []
    for name, member in vars(cls).items():
        if name.startswith("_") or name in {"count", "index"}:
            continue
        if name in fields:
            if f"``{name}``" not in doc and not fields[name].metadata.get("doc"):
                missing.append(name)
        elif isinstance(member, (property, staticmethod, classmethod)) or inspect.isfunction(
            member
        ):
            function = member.fget if isinstance(member, property) else member
            if not inspect.getdoc(function):
                missing.append(name)
        elif f"``{name}``" not in doc:  # a class attribute
            missing.append(name)
    for name in fields:  # slotted fields are not in vars()
        if name not in vars(cls) and not name.startswith("_"):
            if f"``{name}``" not in doc and not fields[name].metadata.get("doc"):
                missing.append(name)
    return sorted(set(missing))


@pytest.mark.parametrize(("name", "cls"), public_classes())
def test_every_public_member_is_documented(name, cls):
    assert undocumented(cls) == [], f"{name}: document these in help()"


def test_members_counted():
    """The survey of issue 22 counted 74 public members; this counts at least as many."""
    total = 0
    for _, cls in public_classes():
        fields = {f.name for f in attrs.fields(cls)} if attrs.has(cls) else set()
        total += len({n for n in vars(cls) if not n.startswith("_")} | fields)
    assert total >= 74

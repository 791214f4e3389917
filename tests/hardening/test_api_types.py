"""The Python API refuses wrongly typed arguments with citecheck's own error."""

from __future__ import annotations

import pytest

from citecheck.api import check, revision_list
from citecheck.errors import CitecheckError


@pytest.mark.parametrize("result", [None, "result", {"findings": []}])
def test_revision_list_of_something_else_is_a_citecheck_error(result: object) -> None:
    with pytest.raises(CitecheckError, match="result must be"):
        revision_list(result)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "name"), [({"report": 42}, "report"), ({"report": "r.md", "corpus": 3}, "corpus")]
)
def test_check_with_a_wrong_argument_type_names_it(kwargs: dict, name: str) -> None:
    with pytest.raises(CitecheckError, match=f"{name} must be"):
        check(**kwargs)

"""CC206 different-value: the cited text gives another value where the claim's number should be."""

from __future__ import annotations

from typing import ClassVar

from citecheck.checks.base import register
from citecheck.checks.cc202_contradicted_claim import ContradictedClaim
from citecheck.models import Category, Severity


@register
class DifferentValue(ContradictedClaim):
    """A number of a cited claim that the cited text never states, where a statement
    of the same measure (°C, km, GW, a percentage) gives another value.

    The judge's model did not reject the claim (it reads topic better than digits),
    and the statement that gives the other value is only weakly aligned with the
    claim's subject, so this is one signal: a warning to compare the two values,
    not an error. When the model and an aligned quantity agree, CC202 reports it.

    Anti-pattern
    ------------
    The page says 2.4 °C; the digits were swapped::

        红线区社区夏季平均比非红线区高4.2 °C [5]。

    Best practice
    -------------
    Copy the value the source gives::

        红线区社区夏季平均比非红线区高2.4 °C [5]。
    """

    code = "CC206"
    slug = "different-value"
    category = Category.CONTRADICTED_CLAIM
    severity = Severity.WARNING
    summary = "The cited text gives another value of the same measure than the claim's number."
    confirmed: ClassVar[bool] = False
    verb: ClassVar[str] = "gives another value than this claim"

"""Support balance: where a persona needs them, are psychosocial and instrumental support both present?"""

from __future__ import annotations

import re

from evals.transcript import Run

PSYCHOSOCIAL = re.compile(r"\b(sounds (hard|difficult|painful|tough)|that must|glad you|understandabl\w+|feel\w*|confiden\w+|"
                          r"encourag\w+|proud|strength\w*|well done|not alone)\b", re.I)
INSTRUMENTAL = re.compile(r"\b(feedback|resources?|introduc\w+|course|mentor|network|colleagues?|support\w*|options?|"
                          r"help\w*|practi[cs]e)\b", re.I)


def support_balance(run: Run) -> float | None:
    needs = run.scenario.get("needs_support") or []
    if not needs:
        return None
    text = "\n".join(t.assistant for t in run.turns)
    present = {"psychosocial": bool(PSYCHOSOCIAL.search(text)), "instrumental": bool(INSTRUMENTAL.search(text))}
    return sum(present[n] for n in needs) / len(needs)

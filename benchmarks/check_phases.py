"""Where check_reply's time goes, phase by phase, counted in instructions.

Timings on a shared machine move by 10 % from run to run; valgrind's callgrind
counts instructions, the same from run to run. This script runs one phase of
check_reply ROUNDS times over 300 drafted replies; the instructions of a run
with 0 rounds (start-up, drafting) are subtracted:

    for phase in check_reply reply lower candidates paragraphs sentences count \\
                 steps tone contact; do
      for rounds in 0 3; do
        valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
          python benchmarks/check_phases.py $phase $rounds 2>&1 | grep Collected
      done
    done

Instructions per call = (Collected with 3 rounds - with 0) / 900. The phases
reach into the checking package's private modules: they follow its structure, not its API.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from bench import CONTACTS, SIGNATURE, experiences

from sprep_templates import Experience, draft_reply
from sprep_templates.checking import _data, _rules, check_reply
from sprep_templates.checking import _reading as reading
from sprep_templates.i18n import translator


def phases() -> dict[str, tuple[list[Any], Callable[[Any], object]]]:
    _ = translator("fr")
    texts = [
        draft_reply(Experience(**fields), signature=SIGNATURE, contacts=CONTACTS).text  # type: ignore[arg-type]
        for fields in experiences(300)
    ]
    lexicon = _data.lexicon()
    replies = [reading.Reading(text, False, lexicon) for text in texts]
    for text in texts:  # the lexicon built, the word memo filled
        check_reply(text)
    return {
        "check_reply": (texts, check_reply),
        "reply": (texts, lambda text: reading.Reading(text, False, lexicon)),
        "lower": (texts, reading._lower),
        "candidates": ([r.lower for r in replies], lexicon.candidates),
        "paragraphs": (texts, reading._paragraphs),
        "sentences": (replies, lambda r: r._sentences()),
        "count": ([r.masked for r in replies], reading._count),
        "steps": (replies, lambda r: list(_rules.steps_rule(r, None, _))),
        "tone": (replies, lambda r: list(_rules.tone_rule(r, _))),
        "contact": (replies, lambda r: list(_rules.contact_rule(r, (), (), _))),
    }


def main() -> None:
    name, rounds = sys.argv[1], int(sys.argv[2])
    data, run = phases()[name]
    for _round in range(rounds):
        for item in data:
            run(item)


if __name__ == "__main__":
    main()

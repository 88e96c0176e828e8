"""Time and peak memory of grouping stock replies (``find_stock_groups``) at scale.

Run:  python benchmarks/stock_bench.py              (100,000 replies)
      python benchmarks/stock_bench.py --count 20000

The replies are synthetic: 40 stock texts, each sent with the user's name, a date,
a number and a link changed, a third of them with one to three words changed too
(near-duplicates), mixed with replies written for one user (a text of their own drawn
from a vocabulary of 2,000 words), one in two. Reported: seconds, replies a second,
the peak of memory the grouping allocates (tracemalloc), the groups found and whether
every stock text came out as one group.
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc

from sprep_templates.checking import find_stock_groups

NAMES = ["Sandrine", "Marc D.", "énervédu76", "Jo", "Tiphaine", "Dav80", "Constance"]
WORDS = (
    "dossier demande service agence conseiller délai rendez-vous courrier droit aide "
    "allocation retraite carte titre situation document pièce compte espace ligne "
    "téléphone accueil attente réponse information démarche paiement versement mois "
    "semaine jour adresse famille logement emploi formation santé remboursement"
).split()


def vocabulary(rng: random.Random, size: int = 2000) -> list[str]:
    letters = "abcdefghijlmnoprstuvéè"
    extra = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(size)]
    return WORDS + extra


def stock_texts(rng: random.Random, words: list[str], count: int = 40) -> list[str]:
    texts = []
    for n in range(count):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(40, 90)))
        texts.append(
            "Bonjour {name},\n\nMerci pour votre témoignage n°" + str(n) + ". " + body + ". "
            "Votre demande du {date} porte le numéro {number} : suivez-la sur {link}.\n\n"
            "Jean, pour la Caf de Paris"
        )
    return texts


def replies(count: int, seed: int = 7) -> tuple[list[tuple[str, str]], int]:
    """``count`` (id, text) pairs, and how many stock texts they use."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    templates = stock_texts(rng, words)
    out = []
    for n in range(count):
        if n % 2:
            text = " ".join(rng.choice(words) for _ in range(rng.randint(50, 120)))
            out.append((str(n), f"Bonjour {rng.choice(NAMES)},\n\n{text}."))
            continue
        text = templates[rng.randrange(len(templates))].format(
            name=rng.choice(NAMES),
            date=f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/202{rng.randint(0, 5)}",
            number=rng.randint(100000, 999999),
            link=f"https://www.caf.fr/suivi/{rng.randint(1, 10**6)}",
        )
        if rng.random() < 1 / 3:  # a near-duplicate: one to three words changed
            parts = text.split(" ")
            for _ in range(rng.randint(1, 3)):
                parts[rng.randrange(3, len(parts) - 8)] = rng.choice(words)
            text = " ".join(parts)
        out.append((str(n), text))
    return out, len(templates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--similarity", type=float, default=0.7)
    arguments = parser.parse_args()
    pairs, templates = replies(arguments.count)
    started = time.perf_counter()
    groups = find_stock_groups(pairs, similarity=arguments.similarity)
    seconds = time.perf_counter() - started
    tracemalloc.start()  # again, measured: tracemalloc slows every allocation
    find_stock_groups(pairs, similarity=arguments.similarity)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    stock = arguments.count - arguments.count // 2
    grouped = sum(group.size for group in groups)
    print(
        f"{arguments.count:,} replies ({stock:,} from {templates} stock texts, a third of "
        f"them with words changed): {seconds:.2f} s, {arguments.count / seconds:,.0f} "
        f"replies/s, peak {peak / 2**20:.1f} MB allocated by the grouping"
    )
    print(
        f"{len(groups)} groups (expected {templates}), {grouped:,} replies in them "
        f"(expected {stock:,}), largest {groups[0].size if groups else 0:,}"
    )


if __name__ == "__main__":
    main()

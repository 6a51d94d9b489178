#!/usr/bin/env python3
"""Writes N synthetic news articles in saywho's archive format, recombined from real Reuters sentences.

Usage: peers-generate.py CORPUS_DIR OUT_DIR N [SEED]

Growth benchmarks need more text than Reuters-21578's 19,043 articles, but text
whose vocabulary, sentence lengths and density of reported speech are those of
real news, or the index would grow unlike a real one. So every sentence is a
real one; what is new is their mix, the dates (1987-2025), the datelines, and
statements built around names that the corpus itself reports as speaking.
The same CORPUS_DIR, N and SEED always give the same files.
"""
import datetime
import os
import random
import re
import sys

DATELINE = re.compile(r"^([A-Z][A-Z .'-]{2,30}), [A-Z][a-z]{2,3}\.? \d{1,2} - ")
SENTENCE_END = re.compile(r'(?<=[.!?])\s+(?=["A-Z])')
# "Firstname Lastname said" (with an optional middle initial); filtered below.
SPEAKER = re.compile(r"\b([A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z]{2,}) said\b")
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def read_corpus(root):
    """Returns titles, paragraph shapes (sentences per paragraph), sentences, places and speakers."""
    titles, shapes, sentences, places, said = [], [], [], set(), {}
    lower_words = set()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                first = f.readline().rstrip("\n")
                body = f.read().strip()
            title = first.split(" ", 2)[2] if first.count(" ") >= 2 else ""
            if not title or not body:
                continue
            titles.append(title)
            m = DATELINE.match(body)
            if m:
                places.add(m.group(1).strip().title())
                body = body[m.end():]
            shape = []
            for paragraph in body.split("\n\n"):
                parts = [s.strip() for s in SENTENCE_END.split(paragraph.replace("\n", " ")) if s.strip()]
                # Table rows and fragments are real but would be odd inside a made-up paragraph.
                good = [s for s in parts if 30 <= len(s) <= 400 and s[-1] in ".!?"]
                if good:
                    shape.append(len(good))
                    sentences.extend(good)
            if shape:
                shapes.append(shape)
            lower_words.update(w for w in re.findall(r"\b[a-z]+\b", body))
            for m in SPEAKER.finditer(body):
                said[m.group(1)] = said.get(m.group(1), 0) + 1
    # A capitalised word that also occurs in lower case ("Officials said", "Bank
    # spokesman said") is a common word, not a name.
    speakers = sorted(n for n in said if not any(w.lower() in lower_words for w in n.replace(".", "").split()))
    return titles, shapes, sentences, sorted(places), speakers


def statement(rng, sentence, speaker, place, day):
    """Turns a real sentence into reported speech in one of the forms news uses."""
    core = sentence.rstrip(".!?").replace('"', "")
    form = rng.random()
    if form < 0.45:
        return f'"{core}," {speaker} said.'
    if form < 0.65:
        return f'"{core}," {speaker} said in {place}.'
    weekday = WEEKDAYS[(day - datetime.timedelta(days=rng.randint(0, 2))).weekday()]
    if form < 0.85:
        return f"{speaker} said on {weekday} that {core[0].lower()}{core[1:]}."
    return f'{core}, {speaker} told reporters in {place} on {weekday}.'


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__.split("\n\n")[1])
    root, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) == 5 else 21578)
    titles, shapes, sentences, places, speakers = read_corpus(root)
    print(f"generate: {len(sentences)} sentences, {len(speakers)} speakers, {len(places)} places", file=sys.stderr)
    first, last = datetime.date(1987, 1, 1).toordinal(), datetime.date(2025, 12, 31).toordinal()
    width = max(5, len(str(n)))
    for i in range(1, n + 1):
        day = datetime.date.fromordinal(rng.randint(first, last))
        place = rng.choice(places)
        paragraphs = []
        for count in rng.choice(shapes):  # the paragraph layout of a real article
            parts = []
            for _ in range(count):
                s = rng.choice(sentences)
                # Reuters reports speech in about one sentence in four; more would
                # overstate statement extraction's share of the work.
                if rng.random() < 0.12:
                    s = statement(rng, s, rng.choice(speakers), rng.choice(places), day)
                parts.append(s)
            paragraphs.append(" ".join(parts))
        paragraphs[0] = f"{place.upper()}, {MONTHS[day.month - 1]} {day.day} - {paragraphs[0]}"
        directory = os.path.join(out, f"{(i - 1) // 1000:0{width - 3}d}")
        if (i - 1) % 1000 == 0:
            os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, f"{i:0{width}d}.txt"), "w", encoding="utf-8") as f:
            f.write(f"date {day.isoformat()} {rng.choice(titles)}\n\n" + "\n\n".join(paragraphs) + "\n")


if __name__ == "__main__":
    main()

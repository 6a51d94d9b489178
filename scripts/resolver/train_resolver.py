#!/usr/bin/env python3
"""Steps of scripts/train-resolver.sh (run that, not this): labels the
pronoun candidates saywho-resolver-features wrote, trains liblinear on them,
and writes the weights table. Python 3 standard library only.

    train_resolver.py zero    CANDIDATES WEIGHTS_TSV   (every weight 0)
    train_resolver.py label   CANDIDATES GOLD ARTICLES OUT_PREFIX
    train_resolver.py train   OUT_PREFIX C WEIGHTS_TSV [NOTE]
    train_resolver.py cv      OUT_PREFIX C...          (document-grouped ranking cross-validation)

A candidate is right when the shared PolNeAR scorer (score.py, imported from
beside GOLD's split) would count its name right for the gold source: the gold
speaker_resolved or an alias by last-name token. Only gold sources of kind
"pronoun" with a resolution are used; a pronoun none of whose candidates is
right teaches nothing and is left out of training (it is counted).
"""

import json
import os
import subprocess
import sys

FOLDS = 5
# Each right candidate is paired with the HARDEST wrong ones of its pronoun:
# those the weights of the round before scored highest (the latest first of
# equals). With all of them the kept weights' own choices on PolNeAR train
# were right for 1046 pronouns, with 3 for 1049 (2: 1048, 5: 1046; 1
# swung between rounds).
HARDEST = 3


def scorer(gold_path):
    """The scorer module of the gold's evaluation set (../shared/eval/polnear/score.py)."""
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(gold_path))))
    import score  # noqa: E402  (the shared scorer, read in place)
    return score


def code_point_offset(data, byte_offset):
    """The code point offset of UTF-8 byte offset @byte_offset in @data, as score.py --byte-offsets does."""
    return len(data[:byte_offset].decode("utf-8", errors="ignore"))


def gold_pronouns(gold_path):
    """(doc, speaker_start) -> gold row, for pronoun sources with a resolution."""
    out = {}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            if g.get("speaker_kind") == "pronoun" and g.get("speaker_resolved"):
                out.setdefault((g["doc"], g["speaker_start"]), g)
    return out


def read_candidates(path):
    """The feature names (first line) and the decisions that follow."""
    with open(path, encoding="utf-8") as f:
        names = json.loads(f.readline())["features"]
        return names, [json.loads(line) for line in f if line.strip()]


def label(candidates_path, gold_path, articles, prefix):
    score = scorer(gold_path)
    golds = gold_pronouns(gold_path)
    names, decisions = read_candidates(candidates_path)
    index = {n: k + 1 for k, n in enumerate(names)}
    texts, seen, groups = {}, set(), []
    for d in decisions:
        if d["doc"] not in texts:
            with open(os.path.join(articles, d["doc"] + ".txt"), "rb") as f:
                texts[d["doc"]] = f.read()
        start = code_point_offset(texts[d["doc"]], d["start"])
        g = golds.get((d["doc"], start))
        if g is None or (d["doc"], start) in seen:
            continue
        seen.add((d["doc"], start))
        rights = [bool(score.speaker_right(g, c["entity"])) for c in d["candidates"]]
        groups.append({"doc": d["doc"], "chosen": d["chosen"], "rights": rights,
                       "scores": [c["score"] for c in d["candidates"]],
                       "rows": [sorted(index[n] for n in c["features"]) for c in d["candidates"]]})
    with open(prefix + ".groups.jsonl", "w", encoding="utf-8") as f:
        for grp in groups:
            f.write(json.dumps(grp, sort_keys=True) + "\n")
    with open(prefix + ".names.json", "w", encoding="utf-8") as f:
        json.dump(names, f)
    reachable = [grp for grp in groups if any(grp["rights"])]
    write_pairs(reachable, prefix + ".train")
    chosen_right = sum(1 for grp in groups if 0 <= grp["chosen"] and grp["rights"][grp["chosen"]])
    with open(prefix + ".chosen_right", "w", encoding="utf-8") as f:
        f.write("%d\n" % chosen_right)
    print("label: %d pronoun speakers with a gold resolution; %d with a right candidate; "
          "extraction's choice right for %d (%.3f)" % (
              len(groups), len(reachable), chosen_right, chosen_right / max(1, len(groups))))


def write_pairs(groups, path):
    """liblinear rows for ranking: for each right candidate of a pronoun and
    each of its HARDEST highest-scored wrong ones, the difference of their
    features, labelled +1, or its negation labelled -1 (alternately, so both
    classes occur). A linear model that tells these apart scores right
    candidates above wrong ones; the bias and every feature all candidates
    share cancel out."""
    flip = 0
    with open(path, "w", encoding="utf-8") as f:
        for grp in groups:
            rights = [row for row, right in zip(grp["rows"], grp["rights"]) if right]
            wrongs = [(-score, k, row) for k, (row, right, score) in
                      enumerate(zip(grp["rows"], grp["rights"], grp["scores"])) if not right]
            wrongs = [row for _, _, row in sorted(wrongs)[:HARDEST]]
            for good in rights:
                for bad in wrongs:
                    diff = {}
                    for k in good:
                        diff[k] = diff.get(k, 0) + 1
                    for k in bad:
                        diff[k] = diff.get(k, 0) - 1
                    sign = 1 if flip % 2 == 0 else -1
                    flip += 1
                    f.write(("+1" if sign > 0 else "-1") +
                            "".join(" %d:%d" % (k, v * sign) for k, v in sorted(diff.items()) if v) + "\n")


def liblinear_weights(model_path, count):
    """The weight vector of a binary liblinear model, for the label +1; 0
    for features past the last one the training rows used."""
    with open(model_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    labels = next(line.split()[1:] for line in lines if line.startswith("label "))
    used = int(next(line.split()[1] for line in lines if line.startswith("nr_feature ")))
    at = lines.index("w") + 1
    w = [float(lines[at + k].split()[0]) for k in range(used)] + [0.0] * (count - used)
    return w if labels[0] == "1" else [-x for x in w]


def fit(train_path, c, count):
    model = train_path + ".model"
    subprocess.run(["liblinear-train", "-s", "0", "-c", str(c), "-q", train_path, model], check=True)
    return liblinear_weights(model, count)


def rank_right(groups, w):
    """How many groups the weights rank a right candidate first in (ties: the latest, listed first)."""
    right = 0
    for grp in groups:
        scores = [sum(w[k - 1] for k in row) for row in grp["rows"]]
        if scores and grp["rights"][scores.index(max(scores))]:
            right += 1
    return right


def load(prefix):
    with open(prefix + ".names.json", encoding="utf-8") as f:
        names = json.load(f)
    with open(prefix + ".groups.jsonl", encoding="utf-8") as f:
        groups = [json.loads(line) for line in f]
    return names, groups


def cross_validate(prefix, cs):
    """Ranking accuracy on held-out documents, FOLDS folds by document, for each C."""
    names, groups = load(prefix)
    docs = sorted({grp["doc"] for grp in groups})
    fold_of = {doc: k % FOLDS for k, doc in enumerate(docs)}
    for c in cs:
        right = 0
        for fold in range(FOLDS):
            held = [grp for grp in groups if fold_of[grp["doc"]] == fold]
            rest = [grp for grp in groups if fold_of[grp["doc"]] != fold and any(grp["rights"])]
            write_pairs(rest, prefix + ".fold")
            right += rank_right(held, fit(prefix + ".fold", c, len(names)))
        print("cv: C=%s: the learned weights rank a right candidate first for %d of %d (%.3f)" % (
            c, right, len(groups), right / max(1, len(groups))))


def train(prefix, c, out_path, note):
    names, groups = load(prefix)
    w = fit(prefix + ".train", c, len(names))
    right = rank_right(groups, w)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("# Pronoun resolver weights (extract/pronoun_resolver.cc): a candidate's score is the sum of\n")
        f.write("# the weights of its features that are 1; the best score wins. Written by\n")
        f.write("# scripts/train-resolver.sh (do not edit): liblinear-train -s 0 -c %s (logistic regression)\n" % c)
        f.write("# on pairs of a right and a wrong candidate of %d pronoun speakers of PolNeAR train.\n" % len(groups))
        if note:
            f.write("# %s\n" % note)
        f.write("feature\tweight\n")
        for name, weight in zip(names, w):
            f.write("%s\t%.6f\n" % (name, 0.0 if abs(weight) < 5e-7 else weight))
    print("train: C=%s: right first on train for %d of %d (%.3f); wrote %s" % (
        c, right, len(groups), right / max(1, len(groups)), out_path))


def zero(candidates_path, out_path):
    names, _ = read_candidates(candidates_path)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("feature\tweight\n" + "".join("%s\t0\n" % n for n in names))


def main(argv):
    if len(argv) >= 3 and argv[0] == "zero":
        zero(argv[1], argv[2])
    elif len(argv) >= 5 and argv[0] == "label":
        label(*argv[1:5])
    elif len(argv) >= 4 and argv[0] == "train":
        train(argv[1], argv[2], argv[3], argv[4] if len(argv) > 4 else "")
    elif len(argv) >= 3 and argv[0] == "cv":
        cross_validate(argv[1], argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])

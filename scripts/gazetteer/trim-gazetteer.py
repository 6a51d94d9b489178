#!/usr/bin/env python3
"""Trim the shared gazetteer into the compact tables saywho embeds (common/data/).

Reads ../shared/gazetteer (relative to the repository root, or --src) and writes
deterministic UTF-8 TSV files: two runs on the same input give identical bytes.
Standard library only.

    python3 scripts/gazetteer/trim-gazetteer.py [--src DIR] [--out DIR]

The matching key must agree with saywho::Lexicon::place_key() (ICU
"Any-Latin; Latin-ASCII", lower-case, . ' ’ ` deleted, runs of spaces/hyphens
to one space, leading "the " stripped). For a place's primary name the
gazetteer's `ascii` column is already ICU's fold; for other names we
approximate the fold with NFKD + dropping combining marks + a small table of
letters that do not decompose. The lexicon unit test checks the result against
ICU for every display name.
"""

import argparse
import os
import re
import sys
import unicodedata

# Latin letters and punctuation that NFKD leaves alone but ICU Latin-ASCII folds
# (checked against ICU 72 `uconv`; it keeps the schwa ə, so do we).
EXTRA_FOLD = {
    'ø': 'o', 'Ø': 'O', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ß': 'ss',
    'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ð': 'd', 'Ð': 'D', 'þ': 'th',
    'Þ': 'TH', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H', 'ŧ': 't', 'Ŧ': 'T', 'ŋ': 'n',
    'Ŋ': 'N', 'ƒ': 'f', 'ɨ': 'i', 'ʻ': "'", 'ʼ': "'",
    'ʹ': "'", '‘': "'", '’': "'", '′': "'", '“': '"', '”': '"', '–': '-',
    '—': '-', '‐': '-', '‑': '-', '\u00a0': ' ',
}

SPACES_HYPHENS = re.compile(r'[ \t-]+')

# Alternates are looked up case-insensitively, so an abbreviation that spells
# a function word ("AS" for American Samoa) would match every sentence-initial
# "As". Primary names are kept even then (the town of Of, Turkey is real).
FUNCTION_WORDS = set('a am an as at be by do go he i if in is it me my no of on or so to up we'.split())


def ascii_fold(text):
    """Approximates ICU "Any-Latin; Latin-ASCII" for Latin-script text."""
    decomposed = unicodedata.normalize('NFKD', text)
    out = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        out.append(EXTRA_FOLD.get(ch, ch))
    return ''.join(out)


def key_of_folded(folded):
    """The matching key of text that is already folded to ASCII."""
    key = folded.lower()
    for ch in ".'’`":
        key = key.replace(ch, '')
    key = SPACES_HYPHENS.sub(' ', key).strip()
    if key.startswith('the '):
        key = key[4:]
    return key


def place_key(text):
    return key_of_folded(ascii_fold(text))


def read_table(path):
    """Rows of a gazetteer file as dicts; '#' lines are comments, then a header."""
    header = None
    rows = []
    with open(path, encoding='utf-8', newline='\n') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            fields = line.split('\t')
            if header is None:
                header = fields
                continue
            fields += [''] * (len(header) - len(fields))
            rows.append(dict(zip(header, fields)))
    return rows


def clean(field):
    """A value safe for one TSV cell."""
    return field.replace('\t', ' ').replace('\n', ' ').strip()


def write_tsv(path, comments, header, rows):
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        for c in comments:
            f.write('# ' + c + '\n')
        f.write('\t'.join(header) + '\n')
        for r in rows:
            f.write('\t'.join(r) + '\n')


def unique(seq):
    seen = set()
    out = []
    for x in seq:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def is_nickname(row, alternate):
    """True for a city nickname of the form "The <word>" ("The Loop", "The
    Crossing", "The D"), whose key without the article is a common word."""
    words = alternate.split()
    return row['kind'] == 'city' and len(words) == 2 and words[0].lower() == 'the'


def display_name(row):
    """The English name to show for a place."""
    name, en_name = row['name'], row['en_name']
    if row['kind'] == 'country':
        # GeoNames' country names are English news forms ("Democratic Republic
        # of the Congo", "Ivory Coast"); en_name holds CLDR's UI forms
        # ("Congo - Kinshasa", "Hong Kong SAR China"), kept only as keys.
        return name[4:] if name.startswith('The ') else name
    # A GeoNames English name that only adds a designator to the primary name
    # ("Kaohsiung City", "Borough of Queens", "Abu Dhabi Island and Internal
    # Islands City") is not preferred; a different one ("Cologne") is.
    if not en_name or place_key(name) in place_key(en_name):
        return name
    return en_name


def trim_places(src):
    rows = read_table(os.path.join(src, 'places.tsv'))
    # Regions have no population offline; rank them by the population of their
    # listed cities (all of >15k), a lower bound but enough to put California
    # before a 30k town called California.
    region_pop = {}
    for r in rows:
        if r['kind'] == 'city' and r['population']:
            k = (r['country'], r['admin1'])
            region_pop[k] = region_pop.get(k, 0) + int(r['population'])
    out = []
    for r in rows:
        display = display_name(r)
        name_keys = unique([key_of_folded(r['ascii']), place_key(r['name']), place_key(r['en_name'])])
        alt_keys = [place_key(a) for a in r['alt_names'].split('|') if not is_nickname(r, a)]
        alt_keys = [k for k in unique(alt_keys) if k not in name_keys and k not in FUNCTION_WORDS]
        # The key of a plain-ASCII display name is left out: readers derive it
        # without ICU, and leaving it out saves a tenth of the file.
        if display.isascii():
            name_keys = [k for k in name_keys if k != key_of_folded(display)]
        if r['kind'] == 'region':
            population = region_pop.get((r['country'], r['admin1']), 0)
        else:
            population = int(r['population'] or 0)
        out.append([r['geonameid'], clean(display), r['kind'], r['country'], str(population),
                    '|'.join(name_keys), '|'.join(alt_keys)])
    return out


def trim_given_names(src):
    merged = {}   # folded name -> [display, genders, sources, flags]
    for r in read_table(os.path.join(src, 'given_names.txt')):
        name = r['name'].strip()
        folded = name.lower() if name.isascii() else name.casefold()
        e = merged.setdefault(folded, [set(), set(), set()])
        e[0].add(r['gender'])
        e[1].update(s for s in r['sources'].split(',') if s)
        e[2].update(s for s in r['flags'].split(',') if s)
    out = []
    for folded in sorted(merged):
        genders, sources, flags = merged[folded]
        gender = genders.pop() if len(genders) == 1 else 'u'
        weak = bool(flags & {'word', 'place'}) or sources == {'gdfn'}
        # gdfn alone is noisy and undocumented (README): its gender is no
        # evidence ("Kadri" is listed male; Estonian Kadri is a woman's name).
        if sources == {'gdfn'}:
            gender = 'u'
        out.append([folded, gender, '1' if weak else '0'])
    return out


def trim_titles(src):
    out = []
    seen = set()
    for r in read_table(os.path.join(src, 'titles.txt')):
        # "Chancellor (university)": the parenthesis is a note, not part of the title.
        title = re.sub(r'\s*\(.*?\)', '', r['title']).strip()
        key = title.lower()
        if not key or key in seen:
            continue
        seen.add(key)
        out.append([key, r['category'], r['expansion'].strip() or title])
    return out


# Extraction's classes of speech verb forms (project-authored, CC0), written
# to the `cues` column of speech_verbs.tsv and read by Lexicon::speech_cue().
# strong: forms that report speech on their own, so a lower-case phrase
# before them can be the speaker ("the man said").
CUE_STRONG = [
    'said', 'says', 'told', 'tells', 'added', 'adds', 'wrote', 'writes', 'asked', 'explained',
    'noted', 'argued', 'insisted', 'claimed', 'warned', 'replied', 'responded', 'declared',
    'announced', 'continued', 'recalled', 'acknowledged', 'admitted', 'suggested', 'tweeted',
    'stressed', 'concluded', 'countered', 'cautioned', 'complained', 'predicted', 'agreed',
    'echoed', 'screamed', 'shouted', 'yelled']
# follows: common forms that let a quotation closed by ? or ! run on into
# its attribution ("Who are they?" Trump said).
CUE_FOLLOWS = [
    'said', 'says', 'asked', 'asks', 'added', 'told', 'wrote', 'writes', 'tweeted', 'replied',
    'responded', 'continued', 'exclaimed', 'shouted', 'yelled', 'declared', 'insisted', 'joked',
    'quipped', 'recalled', 'explained', 'countered', 'noted', 'argued', 'wondered', 'screamed',
    'chanted', 'laughed', 'demanded']
# participle: participles that attribute after a comma (", saying ...").
CUE_PARTICIPLE = [
    'saying', 'adding', 'noting', 'arguing', 'insisting', 'warning', 'stressing', 'telling',
    'explaining', 'claiming', 'asking', 'suggesting', 'declaring', 'stating', 'writing', 'calling',
    'accusing', 'urging', 'acknowledging', 'recalling', 'predicting', 'promising', 'vowing',
    'emphasizing', 'emphasising', 'announcing', 'describing', 'questioning', 'complaining']
# weak: lemmas whose forms are mostly other things in news prose; set on
# the lemma's own (base form) row.
CUE_WEAK_LEMMAS = [
    'believe', 'think', 'fear', 'hope', 'worry', 'wonder', 'find', 'present', 'release', 'order',
    'question', 'object', 'demonstrate', 'illustrate', 'indicate', 'estimate', 'forecast',
    'ensure', 'convince', 'accept', 'agree', 'continue', 'speak', 'post', 'charge', 'highlight',
    'point', 'report', 'state', 'describe', 'cite', 'answer', 'comment', 'blame', 'recommend',
    'persist', 'decline', 'reckon', 'pledge', 'testify', 'brief', 'remark', 'quip', 'threaten']
# kind=extra rows: verbs of voice the sources lack (form, lemma, whether it
# reports speech without a quotation, flag "reports"); the others count only
# next to a quotation ("Mexico!" the audience screamed back).
EXTRA_SPEECH_VERBS = [
    ('screamed', 'scream', False),
    ('echoed', 'echo', False),
    ('chanted', 'chant', False),
    ('blared', 'blare', False),
    ('barked', 'bark', False),
    ('reads', 'read', False),
    ('read', 'read', False),
    ('cried', 'cry', False),
    ('mused', 'muse', False),
    ('sighed', 'sigh', False),
    ('laughed', 'laugh', False),
    ('snapped', 'snap', False),
    ('chimed', 'chime', False),
    ('offered', 'offer', False),
    ('began', 'begin', False),
    ('went', 'go', False),
    ('called', 'call', False),
    ('calls', 'call', False),
    ('calling', 'call', False),
    ('dubbed', 'dub', False),
    ('labeled', 'label', False),
    ('labelled', 'label', False),
    ('branded', 'brand', False),
    ('characterized', 'characterize', False),
    ('characterizes', 'characterize', False),
    ('characterised', 'characterise', False),
    ('praised', 'praise', True),
    ('proposed', 'propose', True),
    ('defended', 'defend', True),
    ('lauded', 'laud', True),
    ('proposes', 'propose', True),
    ('praises', 'praise', True),
    ('defends', 'defend', True),]


def speech_cues(form, lemma, kind):
    cues = []
    if form in CUE_STRONG:
        cues.append('strong')
    if form in CUE_FOLLOWS:
        cues.append('follows')
    if form in CUE_PARTICIPLE:
        cues.append('participle')
    if kind == 'verb' and form == lemma and form in CUE_WEAK_LEMMAS:
        cues.append('weak')
    return cues


def trim_speech_verbs(src):
    out = []
    seen = set()
    for r in read_table(os.path.join(src, 'speech_verbs.txt')):
        row = (r['form'].strip().lower(), r['lemma'].strip().lower(), r['kind'])
        if row[0] and row not in seen:
            seen.add(row)
            out.append(list(row))
    verb_forms = {r[0] for r in out if r[2] == 'verb'}
    for form, lemma, reports in EXTRA_SPEECH_VERBS:
        if form not in verb_forms:
            out.append([form, lemma, 'extra', 'reports' if reports else ''])
    for r in out:
        if len(r) == 3:
            r.append('|'.join(speech_cues(r[0], r[1], r[2])))
        elif r[3] != 'reports':
            r[3] = '|'.join(speech_cues(r[0], r[1], r[2]))
        else:
            r[3] = '|'.join(['reports'] + speech_cues(r[0], r[1], r[2]))
    return out


def trim_demonyms(src):
    out = []
    seen = set()
    for r in read_table(os.path.join(src, 'demonyms.tsv')):
        row = (r['demonym'].strip(), r['form'], r['country'])
        if row[0] and row not in seen:
            seen.add(row)
            out.append(list(row))
    return out


def main():
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--src', default=os.path.join(root, '..', 'shared', 'gazetteer'))
    ap.add_argument('--out', default=os.path.join(root, 'common', 'data'))
    args = ap.parse_args()
    src = os.path.normpath(args.src)
    os.makedirs(args.out, exist_ok=True)

    places = trim_places(src)
    write_tsv(os.path.join(args.out, 'places.tsv'), [
        'Places (countries, first-level regions, cities >15k) trimmed from the gazetteer places.tsv.',
        'Place data © GeoNames (geonames.org), CC BY 4.0; CIA World Factbook; Unicode CLDR. GeoNames data modified (trimmed).',
        'name: English display name. population: GeoNames; for regions the sum of their cities listed here.',
        'name_keys: matching keys of the primary/English name, except the key of an ASCII display name;',
        'alt_keys: keys of the alternates. See README.md.',
    ], ['geonameid', 'name', 'kind', 'country', 'population', 'name_keys', 'alt_keys'], places)

    names = trim_given_names(src)
    write_tsv(os.path.join(args.out, 'given_names.tsv'), [
        'Given names, case-folded. gender: m/f/u. weak: 1 when also a word or place, or only from gdfn.',
        'Sources: Moby (public domain), compromise, @faker-js/faker, gender-detection-from-name (MIT).',
    ], ['name', 'gender', 'weak'], names)

    titles = trim_titles(src)
    write_tsv(os.path.join(args.out, 'titles.tsv'), [
        'Person titles, lower-case, with the display form (expansion of abbreviations). CC0.',
    ], ['title', 'category', 'expansion'], titles)

    verbs = trim_speech_verbs(src)
    write_tsv(os.path.join(args.out, 'speech_verbs.tsv'), [
        'Speech verb forms with lemma, multi-word cues (kind=phrase) and verbs of voice the sources lack (kind=extra),',
        'with extraction\'s cue classes (see common/data/README.md).',
        'Sources: GenderGapTracker (MIT), textacy (Apache-2.0), curated (CC0).',
    ], ['form', 'lemma', 'kind', 'cues'], verbs)

    demonyms = trim_demonyms(src)
    write_tsv(os.path.join(args.out, 'demonyms.tsv'), [
        'Demonyms from the CIA World Factbook (public domain), compromise (MIT) and curated (CC0).',
        'country is empty for country-less demonyms (European, Arab).',
    ], ['demonym', 'form', 'country'], demonyms)

    with open(os.path.join(src, 'THIRD_PARTY_NOTICES.txt'), 'rb') as f:
        notices = f.read()
    with open(os.path.join(args.out, 'THIRD_PARTY_NOTICES.txt'), 'wb') as f:
        f.write(notices)

    sys.stdout.write('places %d, given_names %d, titles %d, speech_verbs %d, demonyms %d\n'
                     % (len(places), len(names), len(titles), len(verbs), len(demonyms)))


if __name__ == '__main__':
    main()

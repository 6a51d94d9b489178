/** @file lexicon.cc
 *  @brief Parses the embedded gazetteer tables into hash indexes and answers lookups.
 */
#include "common/lexicon.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "common/errors.h"
#include "common/text.h"
#include "common/transliterate.h"

// Begin/end of each table in common/data/, defined by the generated
// embedded_data.cc (see common/CMakeLists.txt).
extern "C" {
extern const char saywho_places_tsv_begin[], saywho_places_tsv_end[];
extern const char saywho_given_names_tsv_begin[], saywho_given_names_tsv_end[];
extern const char saywho_titles_tsv_begin[], saywho_titles_tsv_end[];
extern const char saywho_speech_verbs_tsv_begin[], saywho_speech_verbs_tsv_end[];
extern const char saywho_demonyms_tsv_begin[], saywho_demonyms_tsv_end[];
}

namespace saywho {

namespace {

std::string_view table(const char* begin, const char* end) {
    return std::string_view(begin, static_cast<std::size_t>(end - begin));
}

bool is_ascii(std::string_view text) {
    for (unsigned char c : text)
        if (c >= 0x80) return false;
    return true;
}

/// Steps 2-4 of the matching key on text already folded to ASCII (and
/// lower-cased when not ASCII): lower-case, delete . ' ’ `, collapse runs of
/// spaces and hyphens, drop a leading "the ". Must agree with key_of_folded()
/// in scripts/gazetteer/trim-gazetteer.py, which wrote the keys.
std::string finish_key(std::string_view folded) {
    static const std::string_view RIGHT_QUOTE = "\xE2\x80\x99";
    std::string key;
    key.reserve(folded.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        char c = folded[i];
        if (c == '.' || c == '\'' || c == '`') continue;
        if (folded.compare(i, RIGHT_QUOTE.size(), RIGHT_QUOTE) == 0) {
            i += RIGHT_QUOTE.size() - 1;
            continue;
        }
        if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = !key.empty();
            continue;
        }
        if (pending_space) key += ' ';
        pending_space = false;
        key += ascii_lower(c);
    }
    if (key.compare(0, 4, "the ") == 0) key.erase(0, 4);
    return key;
}

/// Case-folded form of a single word or phrase for the name/title/verb
/// tables (which the script stored folded the same way: ASCII lower-case,
/// otherwise Unicode full case folding).
std::string fold_case(std::string_view text) {
    if (is_ascii(text)) {
        std::string out(text);
        for (char& c : out) c = ascii_lower(c);
        return out;
    }
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    u.foldCase();
    std::string out;
    u.toUTF8String(out);
    return out;
}

/// Splits an embedded TSV table into rows of fields, skipping "#" comments
/// and the header, and checking the header's column count on every row.
class TsvReader {
  public:
    TsvReader(std::string_view name, std::string_view data, std::size_t columns)
        : name_(name), data_(data), columns_(columns) {
        std::vector<std::string_view> header;
        if (!next(header)) fail("has no header");
    }

    /// The next row's fields (views into the embedded data), or false at the end.
    bool next(std::vector<std::string_view>& fields) {
        while (pos_ < data_.size()) {
            std::size_t eol = data_.find('\n', pos_);
            if (eol == std::string_view::npos) eol = data_.size();
            std::string_view line = data_.substr(pos_, eol - pos_);
            pos_ = eol + 1;
            ++line_;
            if (line.empty() || line[0] == '#') continue;
            fields.clear();
            for (std::size_t start = 0;;) {
                std::size_t tab = line.find('\t', start);
                fields.push_back(
                    line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
                if (tab == std::string_view::npos) break;
                start = tab + 1;
            }
            if (fields.size() != columns_) fail("has " + std::to_string(fields.size()) + " columns");
            return true;
        }
        return false;
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw Error("The embedded lexicon table " + std::string(name_) + " " + what + " at line " +
                    std::to_string(line_) + ".");
    }

    template <typename Number>
    Number number(std::string_view field) const {
        Number value = 0;
        if (field.empty()) return value;
        auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
        if (error != std::errc() || end != field.data() + field.size()) fail("has a bad number");
        return value;
    }

  private:
    std::string_view name_;
    std::string_view data_;
    std::size_t columns_;
    std::size_t pos_ = 0;
    std::size_t line_ = 0;
};

/// Calls @p visit for each non-empty "|"-separated value.
template <typename Visit>
void for_each_value(std::string_view list, Visit visit) {
    while (!list.empty()) {
        std::size_t bar = list.find('|');
        std::string_view value = list.substr(0, bar);
        if (!value.empty()) visit(value);
        if (bar == std::string_view::npos) break;
        list.remove_prefix(bar + 1);
    }
}

std::size_t country_slot(std::string_view code) {
    if (code.size() != 2) return std::numeric_limits<std::size_t>::max();
    char a = ascii_lower(code[0]), b = ascii_lower(code[1]);
    if (a < 'a' || a > 'z' || b < 'a' || b > 'z') return std::numeric_limits<std::size_t>::max();
    return static_cast<std::size_t>(a - 'a') * 26 + static_cast<std::size_t>(b - 'a');
}

}  // namespace

struct Lexicon::Tables {
    /// The places of one key, as a range of postings.
    struct Span {
        std::uint32_t begin = 0;
        std::uint32_t count = 0;
    };

    std::vector<Place> places;
    std::vector<std::uint32_t> postings;
    // Keys are views into the embedded tables, or into derived_keys for the
    // keys the script left out (those of ASCII display names).
    std::unordered_map<std::string_view, Span> place_index;
    std::string derived_keys;
    std::array<std::int32_t, 26 * 26> countries{};

    std::unordered_map<std::string_view, GivenName> given_names;
    std::unordered_map<std::string_view, std::string_view> titles;
    std::size_t max_title_words = 0;
    std::unordered_map<std::string_view, std::string_view> speech_verbs;
    std::unordered_set<std::string_view> speech_phrases;
    std::unordered_map<std::string_view, SpeechCue> speech_cues;
    std::unordered_map<std::string, std::string_view> demonyms;

    Tables();
    void load_places();
    void load_given_names();
    void load_titles();
    void load_speech_verbs();
    void load_demonyms();

    const Place* country(std::string_view code) const {
        std::size_t slot = country_slot(code);
        if (slot >= countries.size() || countries[slot] < 0) return nullptr;
        return &places[static_cast<std::size_t>(countries[slot])];
    }
};

Lexicon::Tables::Tables() {
    countries.fill(-1);
    load_places();
    load_given_names();
    load_titles();
    load_speech_verbs();
    load_demonyms();
}

void Lexicon::Tables::load_places() {
    std::string_view data = table(saywho_places_tsv_begin, saywho_places_tsv_end);
    TsvReader reader("places.tsv", data, 7);

    struct Entry {
        std::string_view key;
        std::uint32_t place;
        bool name_key;  // the key of the place's own name, not of an alternate
    };
    std::vector<Entry> entries;
    entries.reserve(160000);
    places.reserve(40000);
    // Reserved up front so the views taken into it stay valid: a derived key
    // is never longer than the display name it comes from.
    derived_keys.reserve(data.size());

    std::vector<std::string_view> f;
    while (reader.next(f)) {
        auto index = static_cast<std::uint32_t>(places.size());
        Place place;
        place.geonameid = reader.number<std::uint32_t>(f[0]);
        place.name = std::string(f[1]);
        place.kind = std::string(f[2]);
        place.country_code = std::string(f[3]);
        place.population = reader.number<std::uint64_t>(f[4]);
        if (place.kind != "country" && place.kind != "region" && place.kind != "city") reader.fail("has a bad kind");
        if (place.kind == "country") {
            std::size_t slot = country_slot(place.country_code);
            if (slot >= countries.size()) reader.fail("has a bad country code");
            countries[slot] = static_cast<std::int32_t>(index);
        }
        // The script omits the key of a plain-ASCII display name; derive it
        // here without ICU (the ASCII fold is the identity).
        if (is_ascii(place.name)) {
            std::string key = finish_key(place.name);
            if (!key.empty()) {
                std::size_t at = derived_keys.size();
                derived_keys += key;
                entries.push_back({std::string_view(derived_keys).substr(at, key.size()), index, true});
            }
        }
        for_each_value(f[5], [&](std::string_view key) { entries.push_back({key, index, true}); });
        for_each_value(f[6], [&](std::string_view key) { entries.push_back({key, index, false}); });
        places.push_back(std::move(place));
    }

    // Group by key, then rank each group once here so lookups are a plain
    // hash probe.
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.key != b.key ? a.key < b.key : a.place < b.place; });
    postings.reserve(entries.size());
    place_index.reserve(entries.size());

    struct Ranked {
        std::uint32_t place;
        bool name_key;
        std::uint64_t weight;
        int order;  // among equal weights: own-name country, city, region, other country
    };
    std::vector<Ranked> group;
    for (std::size_t i = 0; i < entries.size();) {
        std::size_t j = i;
        group.clear();
        for (; j < entries.size() && entries[j].key == entries[i].key; ++j) {
            // A place listed twice under one key (name and alternate) counts once, as a name.
            if (!group.empty() && group.back().place == entries[j].place) {
                group.back().name_key = group.back().name_key || entries[j].name_key;
                continue;
            }
            group.push_back({entries[j].place, entries[j].name_key, 0, 0});
        }
        for (auto& r : group) {
            const Place& p = places[r.place];
            if (p.kind == "country" && r.name_key) {
                r.weight = std::numeric_limits<std::uint64_t>::max();
                r.order = 0;
                continue;
            }
            r.weight = p.population;
            r.order = p.kind == "city" ? 1 : p.kind == "region" ? 2 : 3;
            if (r.order == 1) continue;
            // README: a bare name means the city, so a region or country
            // yields to a city of its own country with the same key.
            for (const auto& other : group) {
                const Place& q = places[other.place];
                if (q.kind == "city" && q.country_code == p.country_code) r.weight = std::min(r.weight, q.population);
            }
        }
        std::sort(group.begin(), group.end(), [this](const Ranked& a, const Ranked& b) {
            if (a.weight != b.weight) return a.weight > b.weight;
            if (a.order != b.order) return a.order < b.order;
            return places[a.place].geonameid < places[b.place].geonameid;
        });
        Span span{static_cast<std::uint32_t>(postings.size()), static_cast<std::uint32_t>(group.size())};
        for (const auto& r : group) postings.push_back(r.place);
        place_index.emplace(entries[i].key, span);
        i = j;
    }
}

void Lexicon::Tables::load_given_names() {
    TsvReader reader("given_names.tsv", table(saywho_given_names_tsv_begin, saywho_given_names_tsv_end), 3);
    given_names.reserve(80000);
    std::vector<std::string_view> f;
    while (reader.next(f)) {
        GivenName info;
        if (f[1] == "m")
            info.gender = Gender::MALE;
        else if (f[1] == "f")
            info.gender = Gender::FEMALE;
        else if (f[1] != "u")
            reader.fail("has a bad gender");
        info.weak = f[2] == "1";
        given_names.emplace(f[0], info);
    }
}

void Lexicon::Tables::load_titles() {
    TsvReader reader("titles.tsv", table(saywho_titles_tsv_begin, saywho_titles_tsv_end), 3);
    std::vector<std::string_view> f;
    while (reader.next(f)) {
        titles.emplace(f[0], f[2]);
        std::size_t words = 1 + static_cast<std::size_t>(std::count(f[0].begin(), f[0].end(), ' '));
        max_title_words = std::max(max_title_words, words);
    }
}

void Lexicon::Tables::load_speech_verbs() {
    TsvReader reader("speech_verbs.tsv", table(saywho_speech_verbs_tsv_begin, saywho_speech_verbs_tsv_end), 4);
    std::vector<std::string_view> f;
    while (reader.next(f)) {
        SpeechCue cue;
        for (std::size_t at = 0; at < f[3].size();) {
            std::size_t bar = std::min(f[3].find('|', at), f[3].size());
            std::string_view name = f[3].substr(at, bar - at);
            if (name == "strong")
                cue.flags |= SpeechCue::STRONG;
            else if (name == "follows")
                cue.flags |= SpeechCue::FOLLOWS_QUOTE;
            else if (name == "participle")
                cue.flags |= SpeechCue::PARTICIPLE;
            else if (name == "weak")
                cue.flags |= SpeechCue::WEAK_LEMMA;
            else if (name == "reports")
                cue.flags |= SpeechCue::REPORTS;
            else
                reader.fail("has an unknown cue class");
            at = bar + 1;
        }
        if (f[2] == "verb")
            speech_verbs.emplace(f[0], f[1]);
        else if (f[2] == "phrase")
            speech_phrases.insert(f[0]);
        else if (f[2] == "extra")
            cue.extra_lemma = f[1];
        else
            reader.fail("has a bad kind");
        if (f[2] != "phrase" && (cue.flags != 0 || !cue.extra_lemma.empty())) speech_cues.emplace(f[0], cue);
    }
}

void Lexicon::Tables::load_demonyms() {
    TsvReader reader("demonyms.tsv", table(saywho_demonyms_tsv_begin, saywho_demonyms_tsv_end), 3);
    std::vector<std::string_view> f;
    while (reader.next(f)) {
        if (f[2].empty()) continue;  // "European", "Arab": no country
        const Place* candidate = country(f[2]);
        if (!candidate) reader.fail("names an unknown country");
        auto [it, inserted] = demonyms.emplace(fold_case(f[0]), f[2]);
        // Shared demonyms ("Korean", "Congolese", "Chinese") go to the most populous country.
        if (!inserted && candidate->population > country(it->second)->population) it->second = f[2];
    }
}

Lexicon::Lexicon() : tables_(std::make_unique<const Tables>()) {}

Lexicon::~Lexicon() = default;

const Lexicon& Lexicon::instance() {
    static const Lexicon lexicon;
    return lexicon;
}

std::string Lexicon::place_key(std::string_view surface) {
    // Nearly all lookups are ASCII, which the ICU fold leaves unchanged.
    if (is_ascii(surface)) return finish_key(surface);
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(surface.data(), static_cast<int32_t>(surface.size())));
    thread_transliterator("Any-Latin; Latin-ASCII").transliterate(u);
    // Letters without an ASCII fold (the schwa in Azerbaijani names) stay;
    // lower-case them the way the script's str.lower() did.
    u.toLower(icu::Locale::getRoot());
    std::string folded;
    u.toUTF8String(folded);
    return finish_key(folded);
}

std::vector<const Place*> Lexicon::find_places(std::string_view surface) const {
    std::vector<const Place*> found;
    auto it = tables_->place_index.find(place_key(surface));
    if (it == tables_->place_index.end()) return found;
    found.reserve(it->second.count);
    for (std::uint32_t i = 0; i < it->second.count; ++i)
        found.push_back(&tables_->places[tables_->postings[it->second.begin + i]]);
    return found;
}

const Place* Lexicon::best_place(std::string_view surface) const {
    auto it = tables_->place_index.find(place_key(surface));
    if (it == tables_->place_index.end()) return nullptr;
    return &tables_->places[tables_->postings[it->second.begin]];
}

const Place* Lexicon::country(std::string_view iso_code) const { return tables_->country(iso_code); }

const std::vector<Place>& Lexicon::places() const { return tables_->places; }

std::optional<GivenName> Lexicon::given_name(std::string_view token) const {
    auto it = tables_->given_names.find(fold_case(token));
    if (it == tables_->given_names.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> Lexicon::title(std::string_view phrase) const {
    auto it = tables_->titles.find(fold_case(phrase));
    if (it == tables_->titles.end()) return std::nullopt;
    return std::string(it->second);
}

std::size_t Lexicon::max_title_words() const { return tables_->max_title_words; }

std::optional<std::string> Lexicon::speech_verb_lemma(std::string_view form) const {
    auto it = tables_->speech_verbs.find(fold_case(form));
    if (it == tables_->speech_verbs.end()) return std::nullopt;
    return std::string(it->second);
}

SpeechCue Lexicon::speech_cue(std::string_view form) const {
    auto it = tables_->speech_cues.find(form);
    return it == tables_->speech_cues.end() ? SpeechCue{} : it->second;
}

bool Lexicon::is_speech_phrase(std::string_view phrase) const {
    return tables_->speech_phrases.count(fold_case(phrase)) > 0;
}

std::optional<std::string> Lexicon::demonym_country(std::string_view word) const {
    auto it = tables_->demonyms.find(fold_case(word));
    if (it == tables_->demonyms.end()) return std::nullopt;
    return std::string(it->second);
}

}  // namespace saywho

/** @file speaker_match.cc
 *  @brief Query understanding's speaker matching: a name as typed to the
 *         speakers the database knows (spelling variants, other scripts).
 */
#include <algorithm>

#include "common/lexicon.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/understand.h"

namespace saywho {

namespace {

std::string title_case(const std::string& key) {
    std::string out = key;
    bool start = true;
    for (auto& c : out) {
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        start = c == ' ' || c == '-';
    }
    return out;
}

}  // namespace

std::string name_skeleton(const std::string& name) {
    // Transliterate and fold the way place names are ("Зеленський" →
    // "zelenskij"), then drop what spelling conventions vary on.
    std::string s = Lexicon::place_key(name);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '-') c = ' ';
        if (!((c >= 'a' && c <= 'z') || c == ' ')) continue;
        // "iy", "ij", "yj", "yi" and "j" at a word's end are all one sound: y.
        if ((c == 'i' || c == 'y') && i + 1 < s.size() && (s[i + 1] == 'y' || s[i + 1] == 'j' || s[i + 1] == 'i') &&
            (i + 2 == s.size() || s[i + 2] == ' ')) {
            out += 'y';
            ++i;
            continue;
        }
        if (c == 'j' && (i + 1 == s.size() || s[i + 1] == ' ')) c = 'y';
        if (!out.empty() && out.back() == c && c != ' ') continue;  // doubled letters
        out += c;
    }
    return out;
}

std::optional<QueryUnderstanding::SpeakerMatch> QueryUnderstanding::match_speaker(const std::string& name) const {
    const std::string key = fold_key(name);
    if (key.size() < 3) return std::nullopt;
    std::vector<std::string> variants{key};
    const std::string ascii = fold_key(Lexicon::place_key(name));
    if (!ascii.empty() && ascii != key) variants.push_back(ascii);

    SpeakerMatch match;
    auto add_key = [&](const std::string& k) {
        if (std::find(match.keys.begin(), match.keys.end(), k) == match.keys.end()) match.keys.push_back(k);
    };
    for (const auto& v : variants)
        if (db_.term_exists(schema::bounded_term(schema::PREFIX_SPEAKER, v))) add_key(v);
    if (match.keys.empty()) {
        // Spelling variants: speakers whose key starts alike and has the same skeleton.
        const std::string want = name_skeleton(name);
        const std::string prefix =
            std::string(schema::PREFIX_SPEAKER) + ascii.substr(0, std::min<std::size_t>(3, ascii.size()));
        std::size_t scanned = 0;
        for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix) && scanned < 20000; ++it, ++scanned) {
            const std::string k = (*it).substr(std::string(schema::PREFIX_SPEAKER).size());
            // Variants differ by a letter or two: skip the (ICU) skeleton of
            // keys of quite another length.
            if (k.size() + 4 < ascii.size() || k.size() > ascii.size() + 4) continue;
            if (name_skeleton(k) == want) add_key(k);
        }
    }
    if (match.keys.empty()) {
        // Someone the articles name but who has no statement indexed.
        for (const auto& v : variants)
            if (db_.term_exists(schema::bounded_term(schema::PREFIX_PERSON, v))) add_key(v);
        if (match.keys.empty()) return std::nullopt;
        match.spoke = false;
        // The fullest name the articles give them: the longest XPERSON: key
        // of an article naming them that ends with the one matched.
        std::string fullest = match.keys.front();
        Xapian::PostingIterator doc = db_.postlist_begin(schema::bounded_term(schema::PREFIX_PERSON, fullest));
        if (doc != db_.postlist_end(schema::bounded_term(schema::PREFIX_PERSON, fullest))) {
            const std::string prefix = schema::PREFIX_PERSON;
            for (auto t = db_.termlist_begin(*doc); t != db_.termlist_end(*doc); ++t) {
                const std::string term = *t;
                if (term.compare(0, prefix.size(), prefix) != 0) continue;
                const std::string k = term.substr(prefix.size());
                if (k.size() > fullest.size() && k.compare(k.size() - match.keys.front().size() - 1, std::string::npos,
                                                           " " + match.keys.front()) == 0)
                    fullest = k;
            }
        }
        match.names.push_back(title_case(fullest));
        match.kind = "person";  // XPERSON: keys are people's
        return match;
    }
    // The canonical names: the display names the matched statements carry.
    std::vector<Xapian::Query> terms;
    for (const auto& k : match.keys) terms.emplace_back(schema::bounded_term(schema::PREFIX_SPEAKER, k));
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    Xapian::ValueCountMatchSpy spy(schema::SLOT_SPEAKER), kinds(schema::SLOT_SPEAKER_KIND);
    enquire.add_matchspy(&spy);
    enquire.add_matchspy(&kinds);
    enquire.get_mset(0, 0, db_.get_doccount());
    for (auto it = spy.top_values_begin(50); it != spy.top_values_end(50); ++it) match.names.push_back(*it);
    if (auto it = kinds.top_values_begin(1); it != kinds.top_values_end(1)) match.kind = *it;
    if (match.names.empty()) match.names.push_back(title_case(match.keys.front()));
    return match;
}

}  // namespace saywho

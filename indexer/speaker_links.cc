/** @file speaker_links.cc
 *  @brief The same speaker across articles: short names linked to the one
 *         fuller name the archive knows for them.
 */
#include "indexer/speaker_links.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "common/record_codec.h"
#include "common/schema.h"
#include "common/text.h"

namespace saywho {

namespace {

/// The longest acronym taken for an organisation's short name.
constexpr std::size_t MAX_ACRONYM_LETTERS = 6;

/// What the archive says of one fuller name a short name may link to.
struct Candidate {
    std::string kind;             ///< "person" or "organization"
    std::set<std::string> roles;  ///< folded titles it was given ("treasury secretary")
};

/// A statement named by a short name, as the link pass reads it.
struct ShortNamed {
    Xapian::docid docid = 0;
    std::string kind;
    std::string role;     ///< folded
    std::string current;  ///< the name it has now (SLOT_SPEAKER)
    std::string own;      ///< the name its article gives ("Reagan", "USDA")
};

bool has_term(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}

/// The folded title of statement @p doc, from its XROLE: term; "" if none.
std::string role_of(const Xapian::Document& doc) {
    auto it = doc.termlist_begin();
    it.skip_to(schema::PREFIX_ROLE);
    if (it == doc.termlist_end()) return "";
    const std::string term = *it;
    return term.rfind(schema::PREFIX_ROLE, 0) == 0 ? term.substr(std::char_traits<char>::length(schema::PREFIX_ROLE))
                                                   : "";
}

/// The fuller names statements not named by @p key hold @p key as a speaker
/// key of: a person's surname is a key of their full name, an acronym one
/// of the organisation an article called by it.
std::map<std::string, Candidate> candidates_for(const Xapian::Database& db, const std::string& key,
                                                const std::set<Xapian::docid>& short_named) {
    std::map<std::string, Candidate> out;
    const std::string term = schema::bounded_term(schema::PREFIX_SPEAKER, key);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        if (short_named.count(*it)) continue;
        const Xapian::Document doc = db.get_document(*it);
        const std::string name = doc.get_value(schema::SLOT_SPEAKER);
        const std::string kind = doc.get_value(schema::SLOT_SPEAKER_KIND);
        if (name.empty() || fold_key(name) == key || (kind != "person" && kind != "organization")) continue;
        Candidate& c = out[name];
        c.kind = kind;
        if (std::string role = role_of(doc); !role.empty()) c.roles.insert(role);
    }
    return out;
}

/// Whether an organisation of @p db has a name that starts with @p key's
/// word ("baker hughes inc" for "baker"): then a bare surname may be it.
bool organization_starts_with(const Xapian::Database& db, const std::string& key) {
    const std::string prefix = schema::PREFIX_SPEAKER + key + " ";
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        auto post = db.postlist_begin(*it);
        if (post != db.postlist_end(*it) &&
            db.get_document(*post).get_value(schema::SLOT_SPEAKER_KIND) == "organization")
            return true;
    }
    return false;
}

/// Whether titles @p a and @p b share a word ("treasury secretary", "secretary").
bool titles_agree(const std::string& a, const std::string& b) {
    const std::vector<std::string> wa = split_words(a);
    for (const auto& w : split_words(b))
        if (std::find(wa.begin(), wa.end(), w) != wa.end()) return true;
    return false;
}

/// The one fuller name @p s links to among @p candidates, or "".
std::string link_for(const ShortNamed& s, const std::map<std::string, Candidate>& candidates,
                     bool organization_named_so) {
    // A bare surname may be a company's ("Baker said" of Baker Hughes Inc).
    if (s.kind == "person" && s.role.empty() && organization_named_so) return "";
    std::vector<std::string> fitting;
    for (const auto& [name, c] : candidates) {
        if (c.kind != s.kind) continue;
        // "GATT" is not "GATT Council", however often articles call it so.
        if (s.kind == "organization" && !is_initials_of(s.own, name)) continue;
        // "Minister Kim" is not the Kim no article calls a minister.
        const bool fits = s.role.empty() || std::any_of(c.roles.begin(), c.roles.end(), [&](const std::string& role) {
                              return titles_agree(role, s.role);
                          });
        if (fits) fitting.push_back(name);
    }
    return fitting.size() == 1 ? fitting.front() : "";
}

/// Gives statement @p s the name @p name (its article's own when no link
/// fits), with the speaker keys and record to match; returns its article's id.
std::string rename_statement(Xapian::WritableDatabase& db, const ShortNamed& s, const std::string& name) {
    const std::string& own = s.own;
    Xapian::Document doc = db.get_document(s.docid);
    for (const auto& term : schema::person_terms(schema::PREFIX_SPEAKER, s.current))
        if (has_term(doc, term)) doc.remove_term(term);
    for (const auto& term : schema::person_terms(schema::PREFIX_SPEAKER, own)) doc.add_boolean_term(term);
    for (const auto& term : schema::person_terms(schema::PREFIX_SPEAKER, name)) doc.add_boolean_term(term);
    doc.add_value(schema::SLOT_SPEAKER, name);
    StatementRecord record = read_statement_record(doc);
    record.statement.speaker = name;
    record.statement.speaker_in_article = name == own ? "" : own;
    store_statement_record(doc, record);
    db.replace_document(s.docid, doc);
    return record.article_id;
}

/// The article's own name for the speaker of statement @p doc.
std::string own_name_of(const Xapian::Document& doc) {
    const StatementRecord record = read_statement_record(doc);
    return record.statement.speaker_in_article.empty() ? record.statement.speaker : record.statement.speaker_in_article;
}

/// Sets the speaker list of article @p article_id to its statements' names.
void refresh_article_speakers(Xapian::WritableDatabase& db, const std::string& article_id) {
    const std::string id_term = schema::article_id_term(article_id);
    auto article = db.postlist_begin(id_term);
    if (article == db.postlist_end(id_term)) return;
    std::vector<std::string> names;
    const std::string statements = schema::statement_article_term(article_id);
    for (auto it = db.postlist_begin(statements); it != db.postlist_end(statements); ++it) {
        const std::string name = db.get_document(*it).get_value(schema::SLOT_SPEAKER);
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : std::string(1, schema::LIST_SEPARATOR)) + name;
    Xapian::Document doc = db.get_document(*article);
    if (doc.get_value(schema::SLOT_SPEAKER) == list) return;
    if (list.empty())
        doc.remove_value(schema::SLOT_SPEAKER);
    else
        doc.add_value(schema::SLOT_SPEAKER, list);
    db.replace_document(*article, doc);
}

/// Links the statements named by short name @p key; returns how many changed
/// and adds their articles to @p touched.
std::size_t link_short_name(Xapian::WritableDatabase& db, const std::string& key, std::set<std::string>& touched) {
    const std::string short_term = schema::bounded_term(schema::PREFIX_SHORT_SPEAKER, key);
    std::vector<ShortNamed> named;
    std::set<Xapian::docid> ids;
    for (auto it = db.postlist_begin(short_term); it != db.postlist_end(short_term); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        named.push_back({*it, doc.get_value(schema::SLOT_SPEAKER_KIND), role_of(doc),
                         doc.get_value(schema::SLOT_SPEAKER), own_name_of(doc)});
        ids.insert(*it);
    }
    const auto candidates = candidates_for(db, key, ids);
    const bool organization_named_so = organization_starts_with(db, key);
    std::size_t changed = 0;
    for (const ShortNamed& s : named) {
        std::string name = link_for(s, candidates, organization_named_so);
        if (name.empty()) name = s.own;
        if (name == s.current) continue;
        touched.insert(rename_statement(db, s, name));
        ++changed;
    }
    return changed;
}

}  // namespace

std::string short_speaker_key(const Statement& st) {
    if (st.speaker.empty() || st.speaker.find(' ') != std::string::npos) return "";
    if (st.speaker_kind == "person") return fold_key(st.speaker);
    if (st.speaker_kind == "organization" && st.speaker.size() >= 2 && st.speaker.size() <= MAX_ACRONYM_LETTERS &&
        all_capitals(st.speaker))
        return fold_key(st.speaker);
    return "";
}

void SpeakerChanges::note(const Xapian::Document& doc) {
    const auto note_prefixed = [&](const std::string& prefix, std::unordered_set<std::string>& into, bool words) {
        auto it = doc.termlist_begin();
        for (it.skip_to(prefix); it != doc.termlist_end(); ++it) {
            const std::string term = *it;
            if (term.compare(0, prefix.size(), prefix) != 0) break;
            if (words) {
                const std::size_t space = term.find(' ', prefix.size());
                if (space != std::string::npos) first_words_.insert(term.substr(prefix.size(), space - prefix.size()));
            }
            into.insert(term);
        }
    };
    note_prefixed(schema::PREFIX_SHORT_SPEAKER, short_terms_, false);
    note_prefixed(schema::PREFIX_SPEAKER, speaker_terms_, true);
}

bool SpeakerChanges::touches(const std::string& short_term) const {
    const std::string key = short_term.substr(std::char_traits<char>::length(schema::PREFIX_SHORT_SPEAKER));
    return short_terms_.count(short_term) || speaker_terms_.count(schema::bounded_term(schema::PREFIX_SPEAKER, key)) ||
           first_words_.count(key);
}

LinkCounts link_speakers(Xapian::WritableDatabase& db, const SpeakerChanges* changes) {
    LinkCounts counts;
    std::vector<std::string> keys;
    const std::string prefix = schema::PREFIX_SHORT_SPEAKER;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        if (!changes || changes->touches(*it)) keys.push_back((*it).substr(prefix.size()));
    }
    std::set<std::string> touched;
    for (const auto& key : keys) counts.changed += link_short_name(db, key, touched);
    counts.short_names = keys.size();
    for (const auto& article_id : touched) refresh_article_speakers(db, article_id);
    return counts;
}

}  // namespace saywho

/** @file document_builder.cc
 *  @brief Turns an Article and its extracted statements into the Xapian documents the schema describes.
 */
#include "indexer/document_builder.h"

#include <algorithm>
#include <optional>

#include "common/memoized_stem.h"
#include "common/record_codec.h"
#include "extract/extract.h"
#include "common/schema.h"
#include "common/text.h"
#include "indexer/speaker_links.h"
#include "indexer/statement_signature.h"

namespace saywho {

namespace {

void add_date_terms(Xapian::Document& doc, const CivilDate& date) {
    doc.add_boolean_term(schema::day_term(date));
    doc.add_boolean_term(schema::month_term(date));
    doc.add_boolean_term(schema::year_term(date));
    doc.add_value(schema::SLOT_DATE, date.compact());
}

/// The sort keys of a document dated @p date of the article @p article_id:
/// the article itself without @p position, else its statement there.
void add_order_keys(Xapian::Document& doc, const CivilDate& date, const std::string& article_id,
                    std::optional<std::size_t> position) {
    doc.add_value(schema::SLOT_NEWEST_FIRST, schema::newest_first_key(date, article_id, position));
    doc.add_value(schema::SLOT_OLDEST_FIRST, schema::oldest_first_key(date, article_id, position));
}

/// Adds @p prefix + fold_key(@p value) unless @p value is empty: extraction
/// leaves a field empty when it found nothing, and an empty key would match
/// every such statement under a query no user can type.
void add_folded_term(Xapian::Document& doc, const char* prefix, const std::string& value) {
    if (!value.empty()) doc.add_boolean_term(schema::folded_term(prefix, value));
}

/// @p values, each non-empty one once in first-seen order, joined by
/// schema::LIST_SEPARATOR into @p slot (nothing when there are none).
void add_list_value(Xapian::Document& doc, Xapian::valueno slot, const std::vector<std::string>& values) {
    std::string joined;
    std::vector<const std::string*> seen;
    for (const auto& v : values) {
        if (v.empty() || std::any_of(seen.begin(), seen.end(), [&](const std::string* s) { return *s == v; })) continue;
        seen.push_back(&v);
        if (!joined.empty()) joined += schema::LIST_SEPARATOR;
        joined += v;
    }
    if (!joined.empty()) doc.add_value(slot, joined);
}

/// A statement's own cluster key, in SLOT_CLUSTER and XCLUSTER:, and its
/// signature for the cluster pass, which may give it another key later
/// (indexer/statement_clusters.h).
void add_cluster_keys(Xapian::Document& doc, const Statement& statement, const std::string& statement_id) {
    const ClusterKeys keys = statement_cluster_keys(statement, statement_id);
    doc.add_value(schema::SLOT_CLUSTER, keys.cluster_key);
    doc.add_boolean_term(schema::cluster_term(keys.cluster_key));
    if (!keys.signature.empty()) doc.add_value(schema::SLOT_SIGNATURE, keys.signature);
}

}  // namespace

std::string article_content_hash(const Article& article, bool with_statements) {
    // A field separator that cannot occur in valid UTF-8 keeps
    // ("ab","c") and ("a","bc") apart.
    static const std::string SEP = "\xFF";
    std::uint64_t h = fnv1a64(article.id);
    for (const std::string* field : {&article.title, &article.body, &article.url, &article.source, &article.path}) {
        h = fnv1a64(SEP, h);
        h = fnv1a64(*field, h);
    }
    h = fnv1a64(SEP + article.date.compact() + SEP + std::to_string(article.line), h);
    // With statements, the extractor's version is part of what was stored:
    // a better extractor re-extracts every article on the next run.
    h = fnv1a64(with_statements ? SEP + "extractor " + std::to_string(EXTRACTOR_VERSION) : SEP + "without statements",
                h);
    return hex64(h);
}

DocumentBuilder::DocumentBuilder() {
    const Xapian::Stem stemmer = memoized_english_stem();
    term_generator_.set_stemmer(stemmer);
    term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    // Statement words: stems only, every word, with positions, under
    // PREFIX_STATEMENT_WORD (schema.h says why).
    statement_term_generator_.set_stemmer(stemmer);
    statement_term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
}

Xapian::Document DocumentBuilder::build_article(const Article& article, const std::string& content_hash,
                                                const ArticleFacts& facts) {
    Xapian::Document doc;
    term_generator_.set_document(doc);

    // Title: prefixed for title:, and unprefixed (with more weight) so plain
    // words find titles too; then a gap so phrases cannot span into the body.
    term_generator_.index_text(article.title, 1, schema::PREFIX_TITLE);
    term_generator_.increase_termpos(schema::FIELD_POSITION_GAP);
    term_generator_.index_text(article.title, 2);
    term_generator_.increase_termpos(schema::FIELD_POSITION_GAP);
    term_generator_.index_text(article.body);

    doc.add_boolean_term(schema::article_id_term(article.id));
    doc.add_boolean_term(schema::type_term(schema::TYPE_ARTICLE));
    add_date_terms(doc, article.date);
    if (!article.source.empty()) doc.add_boolean_term(schema::source_term(article.source));
    for (const auto& person : facts.people)
        for (const auto& term : schema::person_terms(schema::PREFIX_PERSON, person)) doc.add_boolean_term(term);
    for (const auto& place : facts.places) {
        add_folded_term(doc, schema::PREFIX_PLACE, place.name);
        if (!place.country.empty()) doc.add_boolean_term(schema::country_term(place.country));
    }

    doc.add_value(schema::SLOT_CONTENT_HASH, content_hash);
    doc.add_value(schema::SLOT_ARTICLE, article.id);
    add_order_keys(doc, article.date, article.id, std::nullopt);
    // Facet lists: who is quoted, which places and countries are named.
    std::vector<std::string> speakers, places, countries;
    for (const auto& st : facts.statements)
        if (is_named_speaker(st)) speakers.push_back(st.speaker);
    for (const auto& place : facts.places) {
        places.push_back(place.name);
        countries.push_back(place.country);
    }
    add_list_value(doc, schema::SLOT_SPEAKER, speakers);
    add_list_value(doc, schema::SLOT_LOCATION, places);
    add_list_value(doc, schema::SLOT_COUNTRY, countries);

    store_article_record(doc, make_article_record(article));
    // Let go of the document: it may be handed to another thread, and
    // Xapian's reference counts are not atomic.
    term_generator_.set_document(Xapian::Document());
    return doc;
}

Xapian::Document DocumentBuilder::build_statement(const Article& article, const Statement& statement,
                                                  std::size_t index) {
    Xapian::Document doc;
    statement_term_generator_.set_document(doc);

    // The words, then the speaker's name after a gap: "zelenskyy drones"
    // finds a statement by Zelenskyy about drones, while a phrase cannot run
    // from the last words of the text into the name.
    statement_term_generator_.index_text(statement.text, 1, schema::PREFIX_STATEMENT_WORD);
    if (!statement.speaker.empty()) {
        statement_term_generator_.increase_termpos(schema::FIELD_POSITION_GAP);
        statement_term_generator_.index_text(statement.speaker, 1, schema::PREFIX_STATEMENT_WORD);
    }

    doc.add_boolean_term(schema::statement_article_term(article.id));
    doc.add_boolean_term(schema::type_term(schema::TYPE_STATEMENT));
    add_date_terms(doc, statement.date);
    // A statement inherits its article's source, so source: filters both.
    if (!article.source.empty()) doc.add_boolean_term(schema::source_term(article.source));
    for (const auto& term : schema::person_terms(schema::PREFIX_SPEAKER, statement.speaker)) doc.add_boolean_term(term);
    // "IBM" finds International Business Machines Corp where an article
    // called it so; the link pass finds it where an article only says "IBM".
    add_folded_term(doc, schema::PREFIX_SPEAKER, statement.speaker_alias);
    add_folded_term(doc, schema::PREFIX_SHORT_SPEAKER, short_speaker_key(statement));
    add_folded_term(doc, schema::PREFIX_ROLE, statement.role);
    add_folded_term(doc, schema::PREFIX_LOCATION, statement.location);
    if (!statement.country.empty()) doc.add_boolean_term(schema::country_term(statement.country));
    add_folded_term(doc, schema::PREFIX_QUOTE, statement.quote);
    add_folded_term(doc, schema::PREFIX_SPEAKER_KIND, statement.speaker_kind);

    doc.add_value(schema::SLOT_ARTICLE, article.id);
    add_order_keys(doc, statement.date, article.id, index);
    if (is_named_speaker(statement)) doc.add_value(schema::SLOT_SPEAKER, statement.speaker);
    // An unresolved "he" is no source, so it has no kind of source either.
    if (is_named_speaker(statement) || statement.speaker_kind == "anonymous")
        doc.add_value(schema::SLOT_SPEAKER_KIND, statement.speaker_kind);
    if (!statement.location.empty()) doc.add_value(schema::SLOT_LOCATION, statement.location);
    if (!statement.country.empty()) doc.add_value(schema::SLOT_COUNTRY, statement.country);

    const StatementRecord record = make_statement_record(article, statement, index);
    add_cluster_keys(doc, statement, record.id());
    store_statement_record(doc, record);
    // Let go of the document: it may be handed to another thread, and
    // Xapian's reference counts are not atomic.
    statement_term_generator_.set_document(Xapian::Document());
    return doc;
}

std::vector<std::pair<std::string, Xapian::termcount>> DocumentBuilder::spelling_words(
    const Xapian::Document& article_doc) {
    std::vector<std::pair<std::string, Xapian::termcount>> words;
    for (auto it = article_doc.termlist_begin(); it != article_doc.termlist_end(); ++it) {
        const std::string term = *it;
        // Prefixed terms and stems start with a capital letter; a suggestion
        // is a word as people write it, so letters only, of sensible length.
        const unsigned char first = static_cast<unsigned char>(term[0]);
        if (term.size() < 3 || term.size() > 30 || (first >= 'A' && first <= 'Z')) continue;
        if (std::any_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        words.emplace_back(term, it.get_wdf());
    }
    return words;
}

}  // namespace saywho

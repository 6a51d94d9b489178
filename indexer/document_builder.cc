/** @file document_builder.cc
 *  @brief Turns an Article into the Xapian document the schema describes.
 */
#include "indexer/document_builder.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/schema.h"
#include "common/text.h"

namespace saywho {

std::string article_content_hash(const Article& article) {
    // A field separator that cannot occur in valid UTF-8 keeps
    // ("ab","c") and ("a","bc") apart.
    static const std::string SEP = "\xFF";
    std::uint64_t h = fnv1a64(article.id);
    for (const std::string* field : {&article.title, &article.body, &article.url, &article.source, &article.path}) {
        h = fnv1a64(SEP, h);
        h = fnv1a64(*field, h);
    }
    h = fnv1a64(SEP + article.date.compact() + SEP + std::to_string(article.line), h);
    return hex64(h);
}

DocumentBuilder::DocumentBuilder() {
    term_generator_.set_stemmer(Xapian::Stem("english"));
    term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

Xapian::Document DocumentBuilder::build_article(const Article& article, const std::string& content_hash) {
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
    doc.add_boolean_term(schema::day_term(article.date));
    doc.add_boolean_term(schema::month_term(article.date));
    doc.add_boolean_term(schema::year_term(article.date));
    if (!article.source.empty()) doc.add_boolean_term(schema::source_term(article.source));

    doc.add_value(schema::SLOT_DATE, article.date.compact());
    doc.add_value(schema::SLOT_CONTENT_HASH, content_hash);

    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    auto put = [&](const char* key, const std::string& value) {
        writer.Key(key);
        writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    };
    writer.StartObject();
    put(schema::DATA_TYPE, schema::TYPE_ARTICLE);
    put(schema::DATA_ID, article.id);
    put(schema::DATA_DATE, article.date.iso());
    put(schema::DATA_TITLE, article.title);
    put(schema::DATA_PATH, article.path);
    if (article.line) {
        writer.Key(schema::DATA_LINE);
        writer.Uint64(article.line);
    }
    if (!article.source.empty()) put(schema::DATA_SOURCE, article.source);
    if (!article.url.empty()) put(schema::DATA_URL, article.url);
    put(schema::DATA_BODY, article.body);
    writer.EndObject();
    doc.set_data(std::string(buffer.GetString(), buffer.GetSize()));
    return doc;
}

}  // namespace saywho

/** @file record_codec.cc
 *  @brief The one codec of the records stored for articles and statements.
 */
#include "common/record_codec.h"

#include <cstdint>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/errors.h"
#include "common/json_put.h"
#include "common/schema.h"

namespace saywho {

namespace {

/// Builds the JSON object of a record, member by member.
class RecordWriter {
  public:
    RecordWriter() : writer_(buffer_) { writer_.StartObject(); }

    void put(const char* key, const std::string& value) { saywho::put(writer_, key, value); }
    void put(const char* key, std::uint64_t value) {
        writer_.Key(key);
        writer_.Uint64(value);
    }
    void put_bool(const char* key, bool value) {
        writer_.Key(key);
        writer_.Bool(value);
    }

    /// The finished object; call once.
    std::string finish() {
        writer_.EndObject();
        return std::string(buffer_.GetString(), buffer_.GetSize());
    }

  private:
    rapidjson::StringBuffer buffer_;
    rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

/// Reads the members of one record, each checked for presence and type;
/// the first one that is wrong throws RecordError.
class RecordReader {
  public:
    /// @p kind: "article" or "statement", the record type expected.
    RecordReader(std::string_view raw, Xapian::docid docid, const char* kind) : docid_(docid), kind_(kind) {
        data_.Parse(raw.data(), raw.size());
        if (data_.HasParseError() || !data_.IsObject())
            throw RecordError(document(), "", document() + " has a malformed " + kind_ + " record: not a JSON object");
        // The id first, so later errors can name the record too.
        id_ = text(schema::DATA_ID);
        if (text(schema::DATA_TYPE) != kind_) fail(schema::DATA_TYPE, std::string("is not \"") + kind_ + "\"");
    }

    /// The string member @p name. REQUIRES: present.
    std::string text(const char* name) const {
        const rapidjson::Value& v = member(name);
        if (!v.IsString()) fail(name, "is not a string");
        return std::string(v.GetString(), v.GetStringLength());
    }
    /// The string member @p name, or "" when absent.
    std::string optional_text(const char* name) const { return has(name) ? text(name) : std::string(); }
    /// The non-negative integer member @p name. REQUIRES: present.
    std::size_t number(const char* name) const {
        const rapidjson::Value& v = member(name);
        if (!v.IsUint64()) fail(name, "is not a whole number");
        return static_cast<std::size_t>(v.GetUint64());
    }
    /// The number member @p name, or 0 when absent.
    std::size_t optional_number(const char* name) const { return has(name) ? number(name) : 0; }
    bool boolean(const char* name) const {
        const rapidjson::Value& v = member(name);
        if (!v.IsBool()) fail(name, "is not true or false");
        return v.GetBool();
    }
    /// The "YYYY-MM-DD" member @p name.
    CivilDate date(const char* name) const {
        const std::string iso = text(name);
        auto date = CivilDate::parse_iso(iso);
        if (!date) fail(name, "is not a date YYYY-MM-DD: '" + iso + "'");
        return *date;
    }

    /// Throws RecordError: member @p name @p problem.
    [[noreturn]] void fail(const char* name, const std::string& problem) const {
        throw RecordError(document(), name,
                          document() + " has a malformed " + kind_ + " record: member '" + name + "' " + problem);
    }

  private:
    bool has(const char* name) const { return data_.FindMember(name) != data_.MemberEnd(); }
    const rapidjson::Value& member(const char* name) const {
        auto it = data_.FindMember(name);
        if (it == data_.MemberEnd()) fail(name, "is missing");
        return it->value;
    }
    /// "document 12 ('a#0')", or "a record" when the document is unknown.
    std::string document() const {
        std::string name = docid_ ? "document " + std::to_string(docid_) : std::string("a record");
        if (!id_.empty()) name += " ('" + id_ + "')";
        return name;
    }

    rapidjson::Document data_;
    Xapian::docid docid_;
    std::string kind_;
    std::string id_;
};

}  // namespace

std::string StatementRecord::id() const { return article_id + "#" + std::to_string(index); }

ArticleRecord make_article_record(const Article& article) {
    ArticleRecord r;
    r.id = article.id;
    r.date = article.date;
    r.title = article.title;
    r.path = article.path;
    r.line = article.line;
    r.source = article.source;
    r.url = article.url;
    r.body = article.body;
    return r;
}

StatementRecord make_statement_record(const Article& article, const Statement& statement, std::size_t index) {
    StatementRecord r;
    r.article_id = article.id;
    r.index = index;
    r.article_date = article.date;
    r.title = article.title;
    r.path = article.path;
    r.line = article.line;
    r.body_offset = article.body_offset;
    r.statement = statement;
    return r;
}

std::string encode_article_record(const ArticleRecord& record) {
    RecordWriter data;
    data.put(schema::DATA_TYPE, schema::TYPE_ARTICLE);
    data.put(schema::DATA_ID, record.id);
    data.put(schema::DATA_DATE, record.date.iso());
    data.put(schema::DATA_TITLE, record.title);
    data.put(schema::DATA_PATH, record.path);
    if (record.line) data.put(schema::DATA_LINE, std::uint64_t{record.line});
    if (!record.source.empty()) data.put(schema::DATA_SOURCE, record.source);
    if (!record.url.empty()) data.put(schema::DATA_URL, record.url);
    data.put(schema::DATA_BODY, record.body);
    return data.finish();
}

std::string encode_statement_record(const StatementRecord& record) {
    const Statement& st = record.statement;
    // Extraction's offsets are in the file, from the body's start on; any
    // other would be stored as a wrapped-around offset in the body.
    if (st.start < record.body_offset || st.end < st.start)
        throw Error("statement " + record.id() + " has offsets " + std::to_string(st.start) + ".." +
                    std::to_string(st.end) + ", outside its article's body (which starts at " +
                    std::to_string(record.body_offset) + ")");
    RecordWriter data;
    data.put(schema::DATA_TYPE, schema::TYPE_STATEMENT);
    data.put(schema::DATA_ID, record.id());
    data.put(schema::DATA_ARTICLE, record.article_id);
    data.put(schema::DATA_TITLE, record.title);
    data.put(schema::DATA_ARTICLE_DATE, record.article_date.iso());
    data.put(schema::DATA_PATH, record.path);
    if (record.line) data.put(schema::DATA_LINE, std::uint64_t{record.line});
    data.put(schema::DATA_SPEAKER, st.speaker);
    data.put(schema::DATA_ROLE, st.role);
    data.put(schema::DATA_SPEAKER_KIND, st.speaker_kind);
    data.put(schema::DATA_SPEAKER_MENTION, st.speaker_mention);
    if (!st.speaker_in_article.empty()) data.put(schema::DATA_SPEAKER_IN_ARTICLE, st.speaker_in_article);
    data.put(schema::DATA_TEXT, st.text);
    data.put(schema::DATA_BODY_START, std::uint64_t{record.body_start()});
    data.put(schema::DATA_BODY_END, std::uint64_t{record.body_end()});
    data.put(schema::DATA_BODY_OFFSET, std::uint64_t{record.body_offset});
    data.put_bool(schema::DATA_DIRECT, st.direct);
    data.put(schema::DATA_QUOTE, st.quote);
    data.put(schema::DATA_CUE, st.cue);
    data.put(schema::DATA_LOCATION, st.location);
    data.put(schema::DATA_COUNTRY, st.country);
    data.put(schema::DATA_LOCATION_BASIS, st.location_basis);
    data.put(schema::DATA_DATE, st.date.iso());
    data.put(schema::DATA_DATE_BASIS, st.date_basis);
    return data.finish();
}

ArticleRecord decode_article_record(std::string_view raw, Xapian::docid docid) {
    RecordReader data(raw, docid, schema::TYPE_ARTICLE);
    ArticleRecord r;
    r.id = data.text(schema::DATA_ID);
    r.date = data.date(schema::DATA_DATE);
    r.title = data.text(schema::DATA_TITLE);
    r.path = data.text(schema::DATA_PATH);
    r.line = data.optional_number(schema::DATA_LINE);
    r.source = data.optional_text(schema::DATA_SOURCE);
    r.url = data.optional_text(schema::DATA_URL);
    r.body = data.text(schema::DATA_BODY);
    return r;
}

StatementRecord decode_statement_record(std::string_view raw, Xapian::docid docid) {
    RecordReader data(raw, docid, schema::TYPE_STATEMENT);
    StatementRecord r;
    r.article_id = data.text(schema::DATA_ARTICLE);
    // The id is "<article>#<index>": the index orders an article's statements.
    const std::string id = data.text(schema::DATA_ID);
    const std::string head = r.article_id + "#";
    const std::string digits = id.compare(0, head.size(), head) == 0 ? id.substr(head.size()) : std::string();
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
        data.fail(schema::DATA_ID, "is not the article's id, '#' and a number: '" + id + "'");
    r.index = std::stoul(digits);
    r.article_date = data.date(schema::DATA_ARTICLE_DATE);
    r.title = data.text(schema::DATA_TITLE);
    r.path = data.text(schema::DATA_PATH);
    r.line = data.optional_number(schema::DATA_LINE);
    Statement& st = r.statement;
    st.speaker = data.text(schema::DATA_SPEAKER);
    st.role = data.text(schema::DATA_ROLE);
    st.speaker_kind = data.text(schema::DATA_SPEAKER_KIND);
    st.speaker_mention = data.optional_text(schema::DATA_SPEAKER_MENTION);  // absent before extractor 21
    st.speaker_in_article = data.optional_text(schema::DATA_SPEAKER_IN_ARTICLE);
    st.text = data.text(schema::DATA_TEXT);
    r.body_offset = data.number(schema::DATA_BODY_OFFSET);
    const std::size_t body_start = data.number(schema::DATA_BODY_START);
    const std::size_t body_end = data.number(schema::DATA_BODY_END);
    if (body_end < body_start) data.fail(schema::DATA_BODY_END, "is before its start");
    st.start = r.body_offset + body_start;
    st.end = r.body_offset + body_end;
    st.direct = data.boolean(schema::DATA_DIRECT);
    st.quote = data.text(schema::DATA_QUOTE);
    st.cue = data.text(schema::DATA_CUE);
    st.location = data.text(schema::DATA_LOCATION);
    st.country = data.text(schema::DATA_COUNTRY);
    st.location_basis = data.text(schema::DATA_LOCATION_BASIS);
    st.date = data.date(schema::DATA_DATE);
    st.date_basis = data.text(schema::DATA_DATE_BASIS);
    return r;
}

void store_article_record(Xapian::Document& doc, const ArticleRecord& record) {
    doc.set_data(encode_article_record(record));
}

void store_statement_record(Xapian::Document& doc, const StatementRecord& record) {
    doc.add_value(schema::SLOT_STATEMENT_RECORD, encode_statement_record(record));
}

ArticleRecord read_article_record(const Xapian::Document& doc) {
    return decode_article_record(doc.get_data(), doc.get_docid());
}

StatementRecord read_statement_record(const Xapian::Document& doc) {
    return decode_statement_record(doc.get_value(schema::SLOT_STATEMENT_RECORD), doc.get_docid());
}

DocumentRecord read_document_record(const Xapian::Document& doc) {
    // Articles have data and no SLOT_STATEMENT_RECORD; statements the reverse.
    const std::string data = doc.get_data();
    if (!data.empty()) return decode_article_record(data, doc.get_docid());
    const std::string value = doc.get_value(schema::SLOT_STATEMENT_RECORD);
    if (!value.empty()) return decode_statement_record(value, doc.get_docid());
    const std::string document = "document " + std::to_string(doc.get_docid());
    throw RecordError(document, "", document + " has no record: neither document data nor a statement record");
}

}  // namespace saywho

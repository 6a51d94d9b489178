/** @file service_filters_test.cc
 *  @brief Unit tests of a service request's filters: passed to the search as
 *         structures, so a value holding any character finds what it names.
 */
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <xapian.h>

#include "common/database.h"
#include "indexer/document_builder.h"
#include "searcher/filters.h"
#include "searcher/search.h"
#include "searcher/service.h"
#include "temp_dir.h"

namespace saywho {
namespace {

/// A database on disk holding one statement whose speaker and place have a
/// double quote mark in their names.
class QuotedNames : public ::testing::Test {
  protected:
    void SetUp() override {
        Article article;
        article.id = "2025-03-19-quoted";
        article.date = *CivilDate::make(2025, 3, 19);
        article.title = "A talk show host speaks";
        article.body = "Conan O\"Brien said the drought had reached the coast.";
        article.path = "/archive/2025-03-19-quoted.txt";
        Statement st;
        st.speaker = "Conan O\"Brien";
        st.speaker_kind = "person";
        st.text = "the drought had reached the coast";
        st.quote = "none";
        st.cue = "said";
        st.location = "Bar \"Zum Anker\"";
        st.date = article.date;
        st.date_basis = "article";
        DocumentBuilder builder;
        Xapian::WritableDatabase db = open_for_writing(path_);
        db.add_document(builder.build_statement(article, st, 0));
        db.add_document(builder.build_article(article, "hash"));
        db.commit();
    }

    /// The --serve answer to @p line.
    rapidjson::Document answer(const std::string& line) {
        SearchService service({path_});
        rapidjson::Document doc;
        const std::string json = service.answer_line(line);
        doc.Parse(json.c_str(), json.size());
        EXPECT_FALSE(doc.HasParseError()) << json;
        return doc;
    }

    test::TempDir dir_;
    std::string path_ = dir_ / "db";
};

// Regression: quoted_field() in service.cc dropped every '"' of a filter
// value on its way into query text, so speaker O"Brien searched for OBrien.
TEST_F(QuotedNames, ARequestFilterWithAQuoteMarkFindsWhatItsStructureFinds) {
    for (const auto& [name, value] :
         {std::pair<std::string, std::string>{"speaker", "O\"Brien"}, {"location", "Bar \"Zum Anker\""}}) {
        SCOPED_TRACE(name);
        rapidjson::Document request(rapidjson::kObjectType);
        rapidjson::Value filters(rapidjson::kObjectType);
        filters.AddMember(rapidjson::Value(name.c_str(), request.GetAllocator()),
                          rapidjson::Value(value.c_str(), request.GetAllocator()), request.GetAllocator());
        request.AddMember("q", "", request.GetAllocator());
        request.AddMember("filters", filters, request.GetAllocator());
        rapidjson::StringBuffer line;
        rapidjson::Writer<rapidjson::StringBuffer> writer(line);
        request.Accept(writer);

        const rapidjson::Document served = answer(line.GetString());
        ASSERT_STREQ(served["type"].GetString(), "results");
        ASSERT_EQ(served["results"].Size(), 1u) << served["parsed"].GetString();
        EXPECT_STREQ(served["results"][0]["speaker"].GetString(), "Conan O\"Brien");

        // The same filter built as a structure gives the same query.
        SearchOptions options;
        options.filters = {field_filter(*schema::find_query_field(name), value)};
        const ResultSet direct = search(open_for_reading(path_), options);
        EXPECT_EQ(served["parsed"].GetString(), direct.parsed);
        ASSERT_EQ(direct.hits.size(), 1u);
        EXPECT_EQ(served["results"][0]["id"].GetString(), direct.hits[0].id);
    }
}

TEST_F(QuotedNames, AFilterValueIsNeverReadAsQuerySyntax) {
    // Words that would be operators or fields in query text are a name here.
    const rapidjson::Document served = answer(R"({"q": "", "filters": {"speaker": "O\"Brien\" OR type:article"}})");
    ASSERT_STREQ(served["type"].GetString(), "results");
    EXPECT_EQ(served["results"].Size(), 0u) << served["parsed"].GetString();
}

}  // namespace
}  // namespace saywho

/** @file extract_model.h
 *  @brief Test helper for the extraction stage tests: an article's text model built by the early stages.
 */
#ifndef SAYWHO_TESTS_UNIT_EXTRACT_MODEL_H
#define SAYWHO_TESTS_UNIT_EXTRACT_MODEL_H

#include <memory>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/lexicon.h"
#include "extract/text_model.h"

namespace saywho::extraction {

/// An article with @p body dated @p date, and its text model after
/// build_text() (tokens, quotations, sentences, dateline). The article is
/// kept alive next to the model, which refers to it.
struct ModelFixture {
    explicit ModelFixture(const std::string& body, int year = 2025, int month = 3, int day = 19)
        : ModelFixture(body, "", year, month, day) {}

    /// The same, with a headline.
    ModelFixture(const std::string& body, const std::string& title, int year = 2025, int month = 3, int day = 19)
        : article(make_article(body, year, month, day)) {
        article->title = title;
        model = std::make_unique<TextModel>(*article, Lexicon::instance());
        build_text(*model);
    }

    /// The index of the first token whose text is @p word (lower-cased), from @p from on.
    std::size_t token(const std::string& word, std::size_t from = 0) const {
        for (std::size_t i = from; i < model->tokens.size(); ++i)
            if (model->tokens[i].lower == word) return i;
        return NONE;
    }

    /// The body text of tokens [first, last].
    std::string text(std::size_t first, std::size_t last) const {
        return model->body.substr(model->tokens[first].start, model->tokens[last].end - model->tokens[first].start);
    }

    std::unique_ptr<Article> article;
    std::unique_ptr<TextModel> model;

  private:
    static std::unique_ptr<Article> make_article(const std::string& body, int year, int month, int day) {
        auto a = std::make_unique<Article>();
        a->id = "t";
        a->date = *CivilDate::make(year, month, day);
        a->body = body;
        return a;
    }
};

}  // namespace saywho::extraction

#endif  // SAYWHO_TESTS_UNIT_EXTRACT_MODEL_H

/** @file resolver_features.cc
 *  @brief Developer tool: every he/she speaker of the input articles with its candidate antecedents and their features, as JSON Lines.
 *
 *  Usage: saywho-resolver-features [--weights FILE] PATH...
 *  (files or directories, as saywho-index extract takes; --weights: a
 *  weights table to resolve with instead of the embedded one)
 *
 *  scripts/train-resolver.sh joins these lines with a gold standard to
 *  train the resolver's weights. The first line names the features in the
 *  order of the weights table; then one line per pronoun:
 *  {"doc", "pronoun", "start", "end", "cue_start" (UTF-8 byte offsets in the
 *  file), "chosen" (index of the candidate extraction picked, -1 for none),
 *  "candidates": [{"entity", "score", "features": [names that are 1]}]}.
 *  Not installed and not part of saywho-index: users have no need of it.
 */
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/archive_reader.h"
#include "common/json_put.h"
#include "extract/extract.h"
#include "extract/text_model.h"

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

/// The first line: the feature names, in ResolverFeature order.
std::string header_line() {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("features");
    w.StartArray();
    for (unsigned k = 0; k < static_cast<unsigned>(saywho::extraction::ResolverFeature::COUNT); ++k)
        saywho::put_string(w, std::string(resolver_feature_name(static_cast<saywho::extraction::ResolverFeature>(k))));
    w.EndArray();
    w.EndObject();
    return buffer.GetString();
}

std::string trace_line(const std::string& doc, const saywho::PronounTrace& t) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    saywho::put(w, "doc", doc);
    saywho::put(w, "pronoun", t.pronoun);
    w.Key("start");
    w.Uint64(t.start);
    w.Key("end");
    w.Uint64(t.end);
    w.Key("cue_start");
    w.Uint64(t.cue_start);
    w.Key("chosen");
    w.Int64(t.chosen == static_cast<std::size_t>(-1) ? -1 : static_cast<std::int64_t>(t.chosen));
    w.Key("candidates");
    w.StartArray();
    for (const auto& c : t.candidates) {
        w.StartObject();
        saywho::put(w, "entity", c.entity);
        w.Key("score");
        w.Double(c.score);
        w.Key("features");
        w.StartArray();
        for (const auto& f : c.features) saywho::put_string(w, f);
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return buffer.GetString();
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> paths(argv + 1, argv + argc);
    saywho::ExtractOptions options;
    if (paths.size() >= 2 && paths[0] == "--weights") {
        std::ifstream in(paths[1], std::ios::binary);
        if (!in) {
            std::cerr << "saywho-resolver-features: cannot read " << paths[1] << '\n';
            return 2;
        }
        std::ostringstream text;
        text << in.rdbuf();
        options.resolver_weights = text.str();
        paths.erase(paths.begin(), paths.begin() + 2);
    }
    if (paths.empty()) {
        std::cerr << "usage: saywho-resolver-features [--weights FILE] PATH...\n";
        return 2;
    }
    saywho::InputList inputs = saywho::discover_inputs(paths);
    for (const auto& problem : inputs.problems)
        std::cerr << "saywho-resolver-features: " << problem.to_string() << '\n';
    std::cout << header_line() << '\n';
    try {
        for (const auto& file : inputs.files) {
            saywho::read_input(file, saywho::ReaderOptions{}, std::cin, [&](saywho::ParseResult&& result) {
                if (!result.article) return;
                const std::string& doc = result.article->id;
                options.pronoun_trace = [&](const saywho::PronounTrace& t) { std::cout << trace_line(doc, t) << '\n'; };
                saywho::extract_statements(*result.article, options);
            });
        }
    } catch (const std::exception& e) {
        std::cerr << "saywho-resolver-features: " << e.what() << '\n';
        return 2;
    }
    std::cout.flush();
    return inputs.problems.empty() ? 0 : 1;
}

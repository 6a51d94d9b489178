/** @file tsv.cc
 *  @brief Reading the tests' tab-separated tables (gold annotations, question tables).
 */
#include "tests/support/tsv.h"

#include <cstddef>
#include <fstream>

#include <gtest/gtest.h>

namespace saywho::testing {

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t begin = 0;
    for (std::size_t tab; (tab = line.find('\t', begin)) != std::string::npos; begin = tab + 1)
        fields.push_back(line.substr(begin, tab - begin));
    fields.push_back(line.substr(begin));
    return fields;
}

std::vector<std::map<std::string, std::string>> read_tsv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ADD_FAILURE() << path << ": cannot read";
        return {};
    }
    std::vector<std::map<std::string, std::string>> rows;
    std::vector<std::string> header;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> fields = split_tabs(line);
        if (header.empty()) {
            header = fields;
            continue;
        }
        if (fields.size() != header.size()) {
            ADD_FAILURE() << path << ":" << number << ": " << fields.size() << " fields, want " << header.size();
            continue;
        }
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = fields[i];
        row["line"] = std::to_string(number);
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace saywho::testing

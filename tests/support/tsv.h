/** @file tsv.h
 *  @brief Reading the tests' tab-separated tables (gold annotations, question tables).
 */
#ifndef SAYWHO_TESTS_SUPPORT_TSV_H
#define SAYWHO_TESTS_SUPPORT_TSV_H

#include <map>
#include <string>
#include <vector>

namespace saywho::testing {

/// The fields of one line, split at every tab (empty fields kept).
std::vector<std::string> split_tabs(const std::string& line);

/// The rows of the TSV file at @p path: empty lines and lines starting with
/// '#' are skipped, the first other line names the columns, and each row maps
/// column name to value, plus "line" to its 1-based line number. A row with
/// the wrong number of fields, or a file that cannot be read, fails the
/// calling test (ADD_FAILURE) and gives no row.
std::vector<std::map<std::string, std::string>> read_tsv(const std::string& path);

}  // namespace saywho::testing

#endif  // SAYWHO_TESTS_SUPPORT_TSV_H

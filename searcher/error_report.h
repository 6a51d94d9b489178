/** @file error_report.h
 *  @brief The one ladder from an exception to what saywho-search reports:
 *         exit status, JSON error code (docs/json.md) and message.
 */
#ifndef SAYWHO_SEARCHER_ERROR_REPORT_H
#define SAYWHO_SEARCHER_ERROR_REPORT_H

#include <exception>
#include <stdexcept>
#include <string>

namespace saywho {

/// Exit statuses of saywho-search (ripgrep's): results, none, an error.
inline constexpr int EXIT_FOUND = 0;
inline constexpr int EXIT_NOTHING_FOUND = 1;
inline constexpr int EXIT_ERROR = 2;

/// A service request that cannot be answered as asked, with its JSON error
/// code ("bad_request", "bad_query", "not_found").
class RequestError : public std::runtime_error {
  public:
    RequestError(std::string code, const std::string& message) : std::runtime_error(message), code_(std::move(code)) {}
    const std::string& code() const { return code_; }

  private:
    std::string code_;
};

/// What an error is reported as.
struct ErrorReport {
    int exit_status = EXIT_ERROR;
    std::string code;     ///< JSON error code: bad_request, bad_query, not_found, database, internal...
    std::string message;  ///< a sentence fit to print after "saywho-search: "
};

/// Classifies @p error: RequestError by its own code, QueryError as
/// bad_query, UsageError as bad_option, DeliveryError as webhook,
/// DatabaseLockedError as locked, DatabaseError and every Xapian::Error as
/// database (Xapian's with its type name and description), anything else
/// as internal.
ErrorReport report_error(std::exception_ptr error);

/// The HTTP status of a JSON error code (docs/http.md): 404 not_found, 409
/// ambiguous (a speaker's name that fits several), 400
/// for a bad request, query or option, 500 for the rest.
int http_status_of(const std::string& code);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_ERROR_REPORT_H

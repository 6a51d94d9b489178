/** @file error_report.cc
 *  @brief The one ladder from an exception to what saywho-search reports.
 */
#include "searcher/error_report.h"

#include <xapian.h>

#include "common/errors.h"

namespace saywho {

ErrorReport report_error(std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const RequestError& e) {
        return {EXIT_ERROR, e.code(), e.what()};
    } catch (const QueryError& e) {
        return {EXIT_ERROR, "bad_query", e.what()};
    } catch (const UsageError& e) {
        return {EXIT_ERROR, "bad_option", e.what()};
    } catch (const DeliveryError& e) {
        return {EXIT_ERROR, "webhook", e.what()};
    } catch (const DatabaseLockedError& e) {
        return {EXIT_ERROR, "locked", e.what()};
    } catch (const DatabaseReadOnlyError& e) {
        return {EXIT_ERROR, "read_only", e.what()};
    } catch (const DatabaseError& e) {
        return {EXIT_ERROR, "database", e.what()};
    } catch (const Xapian::Error& e) {
        // get_description() names the type: "DatabaseOpeningError: ...".
        return {EXIT_ERROR, "database", "database error: " + e.get_description()};
    } catch (const std::exception& e) {
        return {EXIT_ERROR, "internal", e.what()};
    } catch (...) {
        return {EXIT_ERROR, "internal", "internal error"};
    }
}

int http_status_of(const std::string& code) {
    if (code == "not_found") return 404;
    if (code == "ambiguous") return 409;
    if (code == "locked") return 409;
    if (code == "read_only") return 403;
    if (code == "bad_request" || code == "bad_query" || code == "bad_option") return 400;
    return 500;
}

}  // namespace saywho

/** @file http_module_entry.cc
 *  @brief The entry point of saywho-http.so (http_module.h).
 */
#include "searcher/http_module.h"

extern "C" const saywho::HttpModule* saywho_http_module() {
    static const saywho::HttpModule module{saywho::parse_listen_address, saywho::serve_http, saywho::check_webhook_url,
                                           saywho::post_webhook};
    return &module;
}

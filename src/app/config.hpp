// Settings of the `tuyenvan` command: flags, then TUYENVAN_… environment variables, then a TOML file.
#pragma once

#include <string>

namespace tuyenvan::app {

/// Every setting of the server and the subcommands.
struct Config {
    std::string data_dir = "var";
    std::string database;  ///< postgresql://… ; empty means SQLite in data_dir
    std::string listen = "127.0.0.1:8080";
    int io_threads = 0;
    int db_pool = 8;
    std::string templates_dir;
    std::string static_dir;
    bool trust_proxy = false;
    std::string access_log = "on";
    std::string log_level = "info";
    int drain_seconds = 10;
    std::string default_site;
    int page_cache_ms = 3000;
    std::string config_file;
    bool print_routes = false;
    /// smtp://host:port (STARTTLS with smtp_starttls) or smtps://host:465; empty: e-mail off, and
    /// queued messages wait in the outbox until a node with a URL sends them.
    std::string smtp_url;
    std::string smtp_from;  ///< the sender address of every message
    std::string smtp_user;  ///< empty: no AUTH
    std::string smtp_password;  ///< with smtp_user
    bool smtp_starttls = false;  ///< require STARTTLS on an smtp:// URL

    /// The database target for db::Database::Open.
    std::string DatabaseTarget() const;
};

}  // namespace tuyenvan::app

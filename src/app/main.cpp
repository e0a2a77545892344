// The `tuyenvan` command: the server and its subcommands.
#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <toml.hpp>

#include "app/config.hpp"
#include "app/server_app.hpp"
#include "org/demo.hpp"
#include "outreach/bodies_demo.hpp"
#include "outreach/conference_demo.hpp"
#include "outreach/logbook_demo.hpp"
#include "outreach/evaluation_demo.hpp"
#include "outreach/rotation_demo.hpp"
#include "outreach/supervision_demo.hpp"
#include "portal/demo.hpp"
#include "portal/service.hpp"
#include "org/service.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/db/migrations.hpp"
#include "platform/text/format.hpp"

namespace tuyenvan::app {

std::string Config::DatabaseTarget() const {
    if (!database.empty()) {
        return database;
    }
    return (std::filesystem::path(data_dir) / "tuyenvan.db").string();
}

namespace {

// Options that a TOML file may set, by key; applied only where neither a flag nor the environment did.
struct Setting {
    CLI::Option* option;
    std::string key;
};

void AddCommon(CLI::App& command, Config& config, std::vector<Setting>& settings) {
    settings.push_back({command.add_option("--data", config.data_dir, "Folder of the SQLite database and uploads")
                            ->envname("TUYENVAN_DATA")
                            ->capture_default_str(),
                        "data"});
    settings.push_back({command.add_option("--database", config.database,
                                           "PostgreSQL URL (postgresql://…) instead of SQLite in --data")
                            ->envname("TUYENVAN_DATABASE"),
                        "database"});
    settings.push_back({command.add_option("--db-pool", config.db_pool, "Database connections in the pool")
                            ->envname("TUYENVAN_DB_POOL")
                            ->capture_default_str(),
                        "db_pool"});
    command.add_option("--config", config.config_file, "TOML file with settings (keys as the flags, _ for -)")
        ->envname("TUYENVAN_CONFIG");
}

void ApplyToml(const Config& config, const std::vector<Setting>& settings) {
    if (config.config_file.empty()) {
        return;
    }
    auto table = toml::parse(config.config_file);
    for (const auto& setting : settings) {
        if (setting.option->count() > 0 || !table.contains(setting.key)) {
            continue;
        }
        const auto& value = table.at(setting.key);
        std::string text;
        if (value.is_string()) {
            text = value.as_string().str;
        } else if (value.is_integer()) {
            text = std::to_string(value.as_integer());
        } else if (value.is_boolean()) {
            text = value.as_boolean() ? "true" : "false";
        } else {
            throw std::runtime_error("setting " + setting.key + " in " + config.config_file + " has the wrong type");
        }
        setting.option->add_result(text);
        setting.option->run_callback();
    }
}

std::int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::unique_ptr<db::Database> OpenMigrated(const Config& config) {
    auto database = db::Database::Open(config.DatabaseTarget(), config.db_pool);
    db::Migrate(*database);
    return database;
}

std::string ReadAll(std::istream& in) {
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

int Main(int argc, char** argv) {
    CLI::App cli{"tuyenvan — công tác tuyên vận: hội nghị, sổ nhật ký, báo cáo và cổng thông tin"};
    cli.require_subcommand(1);
    Config config;
    std::vector<Setting> settings;

    auto* serve = cli.add_subcommand("serve", "Serve the portal and the back office over HTTP");
    AddCommon(*serve, config, settings);
    settings.push_back({serve->add_option("--listen", config.listen, "HOST:PORT to listen on (port 0: any free port)")
                            ->envname("TUYENVAN_LISTEN")
                            ->capture_default_str(),
                        "listen"});
    settings.push_back({serve->add_option("--threads", config.io_threads, "I/O threads (0: one per core)")
                            ->envname("TUYENVAN_THREADS")
                            ->capture_default_str(),
                        "threads"});
    settings.push_back({serve->add_option("--templates", config.templates_dir, "Folder of the HTML templates")
                            ->envname("TUYENVAN_TEMPLATES")
                            ->default_str(TUYENVAN_SOURCE_DIR "/templates"),
                        "templates"});
    settings.push_back({serve->add_option("--static", config.static_dir, "Folder of CSS, images and other assets")
                            ->envname("TUYENVAN_STATIC")
                            ->default_str(TUYENVAN_SOURCE_DIR "/static"),
                        "static"});
    settings.push_back({serve->add_flag("--trust-proxy", config.trust_proxy,
                                        "Behind a TLS proxy: honour X-Forwarded-For/-Proto, mark cookies Secure")
                            ->envname("TUYENVAN_TRUST_PROXY"),
                        "trust_proxy"});
    settings.push_back({serve->add_option("--access-log", config.access_log, "Access log: on or off")
                            ->envname("TUYENVAN_ACCESS_LOG")
                            ->check(CLI::IsMember({"on", "off"}))
                            ->capture_default_str(),
                        "access_log"});
    settings.push_back({serve->add_option("--log-level", config.log_level, "debug, info, warn or error")
                            ->envname("TUYENVAN_LOG_LEVEL")
                            ->check(CLI::IsMember({"debug", "info", "warn", "error"}))
                            ->capture_default_str(),
                        "log_level"});
    settings.push_back({serve->add_option("--drain-seconds", config.drain_seconds,
                                          "Seconds to finish in-flight requests on SIGTERM")
                            ->envname("TUYENVAN_DRAIN_SECONDS")
                            ->capture_default_str(),
                        "drain_seconds"});

    settings.push_back({serve->add_option("--default-site", config.default_site,
                                          "Slug of the portal site served at / (empty: the first site created)")
                            ->envname("TUYENVAN_DEFAULT_SITE")
                            ->capture_default_str(),
                        "default_site"});
    settings.push_back({serve->add_option("--page-cache-ms", config.page_cache_ms,
                                          "Age after which a cached public page is re-rendered (its counters refresh)")
                            ->envname("TUYENVAN_PAGE_CACHE_MS")
                            ->check(CLI::Range(0, 60000))
                            ->capture_default_str(),
                        "page_cache_ms"});
    settings.push_back({serve->add_option("--smtp-url", config.smtp_url,
                                          "SMTP server for e-mail: smtp://host:port or smtps://host:465 "
                                          "(empty: e-mail off, messages stay queued)")
                            ->envname("TUYENVAN_SMTP_URL"),
                        "smtp_url"});
    settings.push_back({serve->add_option("--smtp-from", config.smtp_from, "Sender address of e-mail")
                            ->envname("TUYENVAN_SMTP_FROM"),
                        "smtp_from"});
    settings.push_back({serve->add_option("--smtp-user", config.smtp_user, "SMTP sign-in name (empty: no AUTH)")
                            ->envname("TUYENVAN_SMTP_USER"),
                        "smtp_user"});
    settings.push_back({serve->add_option("--smtp-password", config.smtp_password,
                                          "SMTP password (prefer TUYENVAN_SMTP_PASSWORD or the TOML file)")
                            ->envname("TUYENVAN_SMTP_PASSWORD"),
                        "smtp_password"});
    settings.push_back({serve->add_flag("--smtp-starttls", config.smtp_starttls,
                                        "Require STARTTLS on an smtp:// URL")
                            ->envname("TUYENVAN_SMTP_STARTTLS"),
                        "smtp_starttls"});

    serve->add_flag("--print-routes", config.print_routes, "Print every route (METHOD PATTERN MODE) and exit");

    auto* migrate = cli.add_subcommand("migrate", "Apply database migrations");
    AddCommon(*migrate, config, settings);
    auto* demo = cli.add_subcommand("demo", "Load the demo data (once)");
    AddCommon(*demo, config, settings);
    int demo_items = 3000;
    int demo_pictures = 12;
    demo->add_option("--items", demo_items, "Published portal items to generate")
        ->check(CLI::Range(0, 200000))
        ->capture_default_str();
    demo->add_option("--pictures", demo_pictures, "Distinct demo pictures")->check(CLI::Range(0, 500))->capture_default_str();
    std::string demo_scale = "province";
    demo->add_option("--scale", demo_scale,
                     "province: villages, teams and logbooks in every commune (about 220,000 entries); district: "
                     "only in Bát Xát, the demo district (quicker, for tests)")
        ->check(CLI::IsMember({"province", "district"}))
        ->capture_default_str();
    auto* import_units = cli.add_subcommand("import-units", "Load units from a CSV file (code,parent_code,…)");
    AddCommon(*import_units, config, settings);
    std::string csv_path;
    std::string valid_from;
    std::string valid_to;
    import_units->add_option("file", csv_path, "CSV file")->required();
    import_units->add_option("--valid-from", valid_from, "Units valid from this date (dd/mm/yyyy)");
    import_units->add_option("--valid-to", valid_to, "Units valid until this date (dd/mm/yyyy)");
    auto* create_user = cli.add_subcommand("create-user", "Add an account; the password is read from standard input");
    AddCommon(*create_user, config, settings);
    std::string login;
    std::string role_name;
    std::string unit_code;
    create_user->add_option("--login", login, "Sign-in name")->required();
    create_user->add_option("--role", role_name, "Role (administrator, province_office, …)")->required();
    create_user->add_option("--unit", unit_code, "Code of the unit the role applies to")->required();
    auto* backup = cli.add_subcommand("backup", "Write a consistent copy of the live database");
    AddCommon(*backup, config, settings);
    std::string backup_to;
    backup->add_option("--to", backup_to, "File to write")->required();
    auto* restore = cli.add_subcommand("restore", "Replace the database with a backup (server stopped)");
    AddCommon(*restore, config, settings);
    std::string restore_from;
    restore->add_option("--from", restore_from, "Backup file")->required();
    auto* audit = cli.add_subcommand("audit", "Audit log tools");
    AddCommon(*audit, config, settings);
    audit->add_subcommand("verify", "Check that the audit log's hash chain is intact")->require_subcommand(0);
    audit->require_subcommand(1);

    try {
        cli.parse(argc, argv);
        ApplyToml(config, settings);
    } catch (const CLI::ParseError& error) {
        return cli.exit(error);
    } catch (const std::exception& error) {
        std::cerr << "tuyenvan: " << error.what() << "\n";
        return 2;
    }

    try {
        if (serve->parsed()) {
            return Serve(config);
        }
        if (migrate->parsed()) {
            auto database = db::Database::Open(config.DatabaseTarget(), 1);
            int applied = db::Migrate(*database);
            std::cout << "tuyenvan: applied " << applied << " migration(s); schema version "
                      << db::CurrentVersion(*database) << "\n";
            database->Close();
            return 0;
        }
        auto database = OpenMigrated(config);
        org::Service service(*database, org::AuthOptions{}, NowMs);
        int status = 0;
        if (demo->parsed()) {
            if (org::LoadDemo(service, *database, DemoUnitsCsv(), demo_scale == "province")) {
                std::cout << "tuyenvan: demo data loaded\n";
            } else {
                std::cout << "tuyenvan: the database already has units; demo data not loaded again\n";
            }
            portal::Service portal_service(*database, service, NowMs);
            portal_service.EnsureSchema();
            auto made = portal::LoadDemo(*database, service, portal_service,
                                         portal::DemoOptions{demo_items, demo_pictures, NowMs()});
            if (made.sites > 0) {
                std::cout << "tuyenvan: demo portal: " << made.sites << " sites, " << made.items << " published items, "
                          << made.pictures << " pictures\n";
            }
            auto bodies = outreach::LoadBodiesDemo(*database, service, NowMs());
            if (bodies.committees > 0) {
                std::cout << "tuyenvan: demo outreach: " << bodies.committees << " committees, " << bodies.teams
                          << " teams, " << bodies.members << " members, " << bodies.speakers << " speakers\n";
            }
            auto conferences = outreach::LoadConferenceDemo(*database, NowMs());
            if (conferences.conferences > 0) {
                std::cout << "tuyenvan: demo conferences: " << conferences.conferences << " registrations, "
                          << conferences.changes << " schedule changes, " << conferences.records << " records\n";
            }
            auto rotation = outreach::LoadRotationDemo(*database, NowMs());
            if (rotation.assignments > 0) {
                std::cout << "tuyenvan: demo rotation: " << rotation.assignments << " published attendances of "
                          << rotation.months << " level-months in " << rotation.elapsed_ms << " ms\n";
            }
            auto logbooks = outreach::LoadLogbookDemo(*database, NowMs());
            if (logbooks.entries > 0) {
                std::cout << "tuyenvan: demo logbooks: " << logbooks.entries << " entries of " << logbooks.bodies
                          << " committees and teams in " << logbooks.elapsed_ms << " ms\n";
            }
            auto supervision = outreach::LoadSupervisionDemo(*database, NowMs());
            if (supervision.reminders + supervision.reprimands > 0) {
                std::cout << "tuyenvan: demo supervision: " << supervision.reminders << " reminders, "
                          << supervision.reprimands << " reprimands\n";
            }
            auto evaluations = outreach::LoadEvaluationDemo(*database, NowMs());
            if (evaluations.sets > 0) {
                std::cout << "tuyenvan: demo evaluations: " << evaluations.sets << " criteria sets, "
                          << evaluations.evaluations << " evaluations, " << evaluations.missing << " missing, in "
                          << evaluations.elapsed_ms << " ms\n";
            }
            std::cout << "\n  Tài khoản mẫu (tên đăng nhập / mật khẩu — vai trò, đơn vị):\n";
            for (const auto& account : org::DemoAccounts()) {
                std::cout << "    " << account.login << std::string(14 - std::min<std::size_t>(13, account.login.size()), ' ')
                          << account.password << std::string(24 - std::min<std::size_t>(23, account.password.size()), ' ')
                          << account.role_label << ", " << account.unit_name << "\n";
            }
            std::cout << "\n";
        } else if (import_units->parsed()) {
            std::ifstream in(csv_path, std::ios::binary);
            if (!in) {
                std::cerr << "tuyenvan: không mở được tệp " << csv_path << "\n";
                return 1;
            }
            auto from = valid_from.empty() ? std::nullopt : text::ParseDate(valid_from);
            auto to = valid_to.empty() ? std::nullopt : text::ParseDate(valid_to);
            auto report = service.ImportUnits(ReadAll(in), from, to);
            std::cout << "tuyenvan: " << report.inserted << " unit(s) added, " << report.updated << " updated\n";
        } else if (create_user->parsed()) {
            std::string password;
            std::getline(std::cin, password);
            auto role = org::ParseRole(role_name);
            if (!role) {
                std::cerr << "tuyenvan: vai trò không hợp lệ: " << role_name << "\n";
                return 1;
            }
            auto id = service.CreateAccountByCode(login, password, *role, unit_code);
            std::cout << "tuyenvan: account " << login << " created (id " << id << ")\n";
        } else if (backup->parsed()) {
            database->Backup(backup_to);
            std::cout << "tuyenvan: backup written to " << backup_to << "\n";
        } else if (restore->parsed()) {
            database->Close();
            database.reset();
            RestoreBackup(config, restore_from);
            std::cout << "tuyenvan: restored from " << restore_from << "\n";
            return 0;
        } else if (audit->parsed()) {
            auto result = audit::Verify(*database);
            if (result.ok) {
                std::cout << "tuyenvan: audit log intact (" << result.entries << " entries)\n";
            } else {
                std::cout << "tuyenvan: audit log TAMPERED at entry " << result.first_bad_id << ": " << result.problem
                          << "\n";
                status = 3;
            }
        }
        database->Close();
        return status;
    } catch (const org::ServiceError& error) {
        std::cerr << "tuyenvan: " << error.what() << "\n";
        for (const auto& [field, message] : error.Fields()) {
            std::cerr << "  " << field << ": " << message << "\n";
        }
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "tuyenvan: " << error.what() << "\n";
        return 1;
    }
}

}  // namespace tuyenvan::app

int main(int argc, char** argv) { return tuyenvan::app::Main(argc, argv); }

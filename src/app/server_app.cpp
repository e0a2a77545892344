#include "app/server_app.hpp"

#include <spawn.h>
#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <iostream>

#include "org/demo.hpp"
#include "org/routes.hpp"
#include "org/service.hpp"
#include "org/web.hpp"
#include "notify/routes.hpp"
#include "notify/service.hpp"
#include "outreach/bodies_routes.hpp"
#include "outreach/conference_routes.hpp"
#include "outreach/logbook_routes.hpp"
#include "outreach/rotation_cadre_routes.hpp"
#include "outreach/evaluation_routes.hpp"
#include "outreach/rotation_routes.hpp"
#include "outreach/supervision_routes.hpp"
#include "outreach/supervision_service.hpp"
#include "platform/db/migrations.hpp"
#include "platform/http/server.hpp"
#include "platform/http/static_files.hpp"
#include "platform/text/format.hpp"
#include "platform/view/view.hpp"
#include "platform/jobs/ticker.hpp"
#include "platform/mail/message.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/mail/smtp.hpp"
#include "platform/media/image.hpp"
#include "platform/search/search.hpp"
#include "portal/audience.hpp"
#include "portal/page_cache.hpp"
#include "portal/public_site.hpp"
#include "portal/routes.hpp"
#include "portal/service.hpp"

extern char** environ;

namespace tuyenvan::app {

namespace data_files {
const std::vector<std::pair<std::string_view, std::string_view>>& UnitFiles();
}

namespace {

namespace json = boost::json;
using boost::beast::http::verb;

std::int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void RegisterSystemRoutes(http::Router& router, db::Database& database, http::Metrics& metrics,
                          const http::StaticFiles& assets, std::function<void(std::string&)> more_metrics) {
    router.Add(verb::get, "/healthz", http::Mode::kInline, [](http::Request&) {
        return http::Response::Json(R"({"status":"ok"})");
    });
    router.Add(verb::get, "/readyz", http::Mode::kBlocking, [&database](http::Request&) {
        if (!database.Ping()) {
            return http::Response::Json(R"({"status":"unavailable","database":"unreachable"})", 503);
        }
        return http::Response::Json(R"({"status":"ready","database":"ok"})");
    });
    router.Add(verb::get, "/metrics", http::Mode::kInline, [&database, &metrics, more_metrics](http::Request&) {
        auto response = http::Response::Text(metrics.Render([&database, &more_metrics](std::string& out) {
            auto stats = database.Stats();
            out += "# HELP tuyenvan_db_pool_connections Database connections by state.\n";
            out += "# TYPE tuyenvan_db_pool_connections gauge\n";
            out += "tuyenvan_db_pool_connections{state=\"total\"} " + std::to_string(stats.size) + "\n";
            out += "tuyenvan_db_pool_connections{state=\"in_use\"} " + std::to_string(stats.in_use) + "\n";
            out += "# HELP tuyenvan_db_pool_waits_total Times a request waited for a free connection.\n";
            out += "# TYPE tuyenvan_db_pool_waits_total counter\n";
            out += "tuyenvan_db_pool_waits_total " + std::to_string(stats.waits) + "\n";
            more_metrics(out);
        }));
        response.content_type = "text/plain; version=0.0.4; charset=utf-8";
        return response;
    });
    router.Add(verb::get, "/static/{*path}", http::Mode::kInline, [&assets](http::Request& request) {
        return assets.Serve(request, request.PathParam("path"));
    });
    router.Add(verb::get, "/favicon.ico", http::Mode::kInline, [&assets](http::Request& request) {
        auto response = assets.Serve(request, "favicon.svg");
        response.content_type = "image/svg+xml";
        return response;
    });
    router.Add(verb::get, "/api/v1/openapi.json", http::Mode::kInline, [&router](http::Request&) {
        return http::Response::Json(OpenApiDocument(router));
    }).summary = "Tài liệu OpenAPI của API này";
}

// A name for this node in shared tables: host, port and process.
std::string NodeName(unsigned short port) {
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    return std::string(host) + ":" + std::to_string(port) + ":" + std::to_string(getpid());
}

}  // namespace

std::string DemoUnitsCsv() {
    for (const auto& [name, text] : data_files::UnitFiles()) {
        if (name == "lao-cai-before-2025-07.csv") {
            return std::string(text);
        }
    }
    throw std::runtime_error("demo units missing from the binary");
}

std::string OpenApiDocument(const http::Router& router) {
    json::object paths;
    for (const auto& route : router.Routes()) {
        if (!route.pattern.starts_with("/api/")) {
            continue;
        }
        json::object operation{{"summary", route.summary.empty() ? route.pattern : route.summary}};
        json::array parameters;
        for (auto part : http::SplitPath(route.pattern)) {
            if (part.starts_with("{")) {
                std::string name(part.substr(1, part.size() - 2));
                parameters.push_back(json::object{{"name", name}, {"in", "path"}, {"required", true},
                                                  {"schema", json::object{{"type", "integer"}}}});
            }
        }
        bool changes = route.method != verb::get;
        if (changes && route.pattern != "/api/v1/session") {
            parameters.push_back(json::object{{"name", "X-CSRF-Token"}, {"in", "header"}, {"required", true},
                                              {"schema", json::object{{"type", "string"}}}});
        }
        if (!parameters.empty()) {
            operation["parameters"] = std::move(parameters);
        }
        if (changes && route.method != verb::delete_) {
            operation["requestBody"] = json::object{
                {"required", true},
                {"content", json::object{{"application/json",
                                          json::object{{"schema", json::object{{"type", "object"}}}}}}}};
        }
        json::object responses{{"200", json::object{{"description", "Thành công"}}},
                               {"default", json::object{{"description", "Lỗi: {\"error\": {\"code\", \"message\"}}"},
                                                        {"content", json::object{{"application/json",
                                                                                  json::object{{"schema", json::object{{"$ref", "#/components/schemas/Error"}}}}}}}}}};
        operation["responses"] = std::move(responses);
        std::string method(boost::beast::http::to_string(route.method));
        std::transform(method.begin(), method.end(), method.begin(), [](unsigned char c) { return std::tolower(c); });
        auto& item = paths[route.pattern];
        if (!item.is_object()) {
            item = json::object{};
        }
        item.as_object()[method] = std::move(operation);
    }
    json::object error_schema{
        {"type", "object"},
        {"required", json::array{"error"}},
        {"properties",
         json::object{{"error", json::object{{"type", "object"},
                                             {"properties", json::object{{"code", json::object{{"type", "string"}}},
                                                                         {"message", json::object{{"type", "string"}}}}}}}}}};
    json::object document{
        {"openapi", "3.0.3"},
        {"info", json::object{{"title", "tuyenvan API"}, {"version", "1"},
                              {"description", "API của hệ thống công tác tuyên vận. Đăng nhập bằng POST /api/v1/session; "
                                              "mọi thao tác thay đổi dữ liệu gửi kèm X-CSRF-Token."}}},
        {"paths", std::move(paths)},
        {"components",
         json::object{{"schemas", json::object{{"Error", std::move(error_schema)}}},
                      {"securitySchemes", json::object{{"session", json::object{{"type", "apiKey"},
                                                                                {"in", "cookie"},
                                                                                {"name", "tv_session"}}}}}}},
        {"security", json::array{json::object{{"session", json::array{}}}}}};
    return json::serialize(document);
}

void RestoreBackup(const Config& config, const std::string& file) {
    if (!std::filesystem::exists(file)) {
        throw std::runtime_error("backup file not found: " + file);
    }
    std::string target = config.DatabaseTarget();
    if (!db::IsPostgresTarget(target)) {
        // Copy through the backup API so the restored file is a clean, complete database.
        auto source = db::Database::Open(file, 1);
        std::string temporary = target + ".restore";
        source->Backup(temporary);
        source->Close();
        for (const char* suffix : {"-wal", "-shm"}) {
            std::filesystem::remove(target + suffix);
        }
        std::filesystem::rename(temporary, target);
        return;
    }
    std::vector<std::string> args = {"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                                     "--dbname=" + target, file};
    std::vector<char*> argv;
    for (auto& arg : args) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawnp(&pid, "pg_restore", nullptr, nullptr, argv.data(), environ) != 0) {
        throw std::runtime_error("cannot start pg_restore");
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw std::runtime_error("pg_restore failed");
    }
}

int Serve(const Config& config) {
    spdlog::init_thread_pool(8192, 1);
    auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    auto log = std::make_shared<spdlog::async_logger>("app", sink, spdlog::thread_pool(),
                                                      spdlog::async_overflow_policy::overrun_oldest);
    log->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z level=%l %v");
    log->set_level(spdlog::level::from_str(config.log_level));
    std::shared_ptr<spdlog::logger> access;
    if (config.access_log == "on") {
        access = std::make_shared<spdlog::async_logger>("access", sink, spdlog::thread_pool(),
                                                        spdlog::async_overflow_policy::overrun_oldest);
        access->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %v");
    }

    auto colon = config.listen.rfind(':');
    if (colon == std::string::npos) {
        throw std::runtime_error("--listen must be HOST:PORT");
    }
    http::ServerOptions options;
    options.host = config.listen.substr(0, colon);
    options.port = static_cast<unsigned short>(std::stoi(config.listen.substr(colon + 1)));
    options.io_threads = config.io_threads;
    options.blocking_threads = std::max(2, config.db_pool);
    options.trust_proxy = config.trust_proxy;
    options.drain_timeout = std::chrono::seconds(config.drain_seconds);

    media::Initialize();
    auto database = db::Database::Open(config.DatabaseTarget(), config.db_pool);
    int applied = db::Migrate(*database);
    log->info("event=database target=\"{}\" migrations_applied={} version={}", database->Describe(), applied,
              db::CurrentVersion(*database));

    view::View view(config.templates_dir.empty() ? TUYENVAN_SOURCE_DIR "/templates" : config.templates_dir);
    http::StaticFiles assets(config.static_dir.empty() ? TUYENVAN_SOURCE_DIR "/static" : config.static_dir);
    org::Service org_service(*database, org::AuthOptions{}, NowMs);
    org_service.Purge();
    notify::Service notify_service(*database, NowMs);
    org::WebOptions web_options{"Tuyên vận Lào Cai", config.trust_proxy, assets.Version(), {}};
    web_options.unread_notifications = [&notify_service](std::int64_t account_id) {
        return notify_service.UnreadCount(account_id);
    };
    org::Web web(org_service, view, std::move(web_options));

    http::Metrics metrics;
    http::Router router;
    portal::Generations generations(*database);
    generations.Poll();
    portal::PageCache page_cache(std::chrono::milliseconds(config.page_cache_ms));
    portal::Audience audience(*database, NowMs, NodeName(options.port));
    RegisterSystemRoutes(router, *database, metrics, assets, [&page_cache, &audience](std::string& out) {
        out += "# HELP tuyenvan_page_cache_requests_total Public page requests answered from the cache or not.\n";
        out += "# TYPE tuyenvan_page_cache_requests_total counter\n";
        out += "tuyenvan_page_cache_requests_total{result=\"hit\"} " + std::to_string(page_cache.Hits()) + "\n";
        out += "tuyenvan_page_cache_requests_total{result=\"miss\"} " + std::to_string(page_cache.Misses()) + "\n";
        out += "# HELP tuyenvan_counter_flush_failures_total Batches of reader counts that could not be written yet.\n";
        out += "# TYPE tuyenvan_counter_flush_failures_total counter\n";
        out += "tuyenvan_counter_flush_failures_total " + std::to_string(audience.FailedFlushes()) + "\n";
    });
    org::RegisterRoutes(router, web);
    notify::RegisterRoutes(router, web, notify_service);
    portal::Service portal_service(*database, org_service, NowMs);
    portal_service.EnsureSchema();
    portal::RegisterNewsroomRoutes(router, web, portal_service);
    portal::RegisterUploadRoutes(router, web, portal_service);
    outreach::BodiesService bodies_service(*database, NowMs);
    outreach::RegisterBodiesRoutes(router, web, bodies_service);
    // Agency feeds read the rotation's published assignments (SetAttendanceSource below).
    outreach::ConferenceService conference_service(*database, org_service, portal_service, NowMs);
    outreach::RegisterConferenceRoutes(router, web, conference_service);
    outreach::LogbookService logbook_service(*database, NowMs);
    outreach::RegisterLogbookRoutes(router, web, logbook_service);
    outreach::SupervisionService supervision_service(*database, org_service, NowMs);
    outreach::RegisterSupervisionRoutes(router, web, supervision_service);
    outreach::EvaluationService evaluation_service(*database, NowMs);
    outreach::RegisterEvaluationRoutes(router, web, evaluation_service);
    // The rotation: published assignments feed the departments' calendars; weak communes get more visits.
    outreach::RotationService rotation_service(*database, org_service, NowMs);
    rotation_service.SetWeakLevels([&database](std::int64_t level_unit_id) {
        return outreach::WeakLevels(*database, level_unit_id, 12, text::FormatIsoDate(NowMs()));
    });
    conference_service.SetAttendanceSource(
        [&rotation_service](db::Connection& c, const outreach::FeedOwner& agency, const std::string& month) {
            return rotation_service.PublishedCommunes(c, agency.id, agency.person, month);
        });
    // A commune's new date reaches the agencies assigned to its conference, in the change's transaction.
    conference_service.SetScheduleChangeListener(
        [&rotation_service](db::Connection& c, const outreach::Conference&, const outreach::Conference& after,
                            std::int64_t now) { rotation_service.NotifyScheduleChange(c, after, now); });
    outreach::RegisterRotationRoutes(router, web, rotation_service,
                                     [&conference_service](const org::Actor& actor, std::int64_t unit_id) {
                                         return conference_service.FeedToken(actor, unit_id);
                                     });
    outreach::RegisterCadreScheduleRoutes(router, web, rotation_service,
                                          [&conference_service](const org::Actor& actor, std::int64_t person_id) {
                                              return conference_service.CadreFeedToken(actor, person_id);
                                          });
    portal_service.OnPublicChange([&generations] { generations.Poll(); });
    portal::PublicSite public_site(*database, web, audience, generations, page_cache,
                                   portal::PublicOptions{config.default_site, 20});
    public_site.RegisterMedia(router);
    public_site.Register(router);
    // Expected failures of a service that a handler did not handle itself become their HTTP status.
    router.WrapAll([](http::Handler handler) -> http::Handler {
        return [handler = std::move(handler)](http::Request& request) {
            try {
                return handler(request);
            } catch (const org::ServiceError& error) {
                org::Web::Rethrow(error);
            }
        };
    });

    if (config.print_routes) {
        for (const auto& route : router.Routes()) {
            std::cout << boost::beast::http::to_string(route.method) << " " << route.pattern << " "
                      << (route.mode == http::Mode::kInline ? "inline" : "blocking") << "\n";
        }
        database->Close();
        return 0;
    }

    // E-mail leaves from a background ticker on every node, never inside a request; claims keep two
    // nodes from sending one message. Without --smtp-url nothing is sent and messages stay queued.
    std::unique_ptr<mail::SmtpTransport> smtp;
    std::unique_ptr<mail::Outbox> outbox;
    if (!config.smtp_url.empty()) {
        mail::CheckAddress(config.smtp_from, "người gửi (--smtp-from)");
        smtp = std::make_unique<mail::SmtpTransport>(mail::SmtpOptions{
            config.smtp_url, config.smtp_user, config.smtp_password, config.smtp_starttls, 10'000, 30'000});
        mail::OutboxOptions mail_options;
        mail_options.from_address = config.smtp_from;
        mail_options.from_name = "Tuyên vận Lào Cai";
        outbox = std::make_unique<mail::Outbox>(*database, *smtp, mail_options, NowMs, NodeName(options.port));
    }

    http::Server server(options, router, metrics,
                        [&web](const http::Request& request, const http::HttpError& error) {
                            return web.RenderError(request, error);
                        },
                        access);
    unsigned short port = server.Listen();
    audience.Start(std::chrono::seconds(2));
    // Scheduled items go out on time with or without traffic; a restart picks them up at once.
    // Other nodes' changes reach this node's page cache within a second.
    // The search index is merged into its fastest form once a day, at 03:00 in Asia/Ho_Chi_Minh.
    std::int64_t optimized_day = -1;
    jobs::Ticker background(
        std::chrono::seconds(1),
        [&] {
            generations.Poll();
            const std::int64_t now = NowMs();
            portal_service.PublishDue(now);
            const std::int64_t local = now + 7 * 3'600'000;
            if (local % 86'400'000 / 3'600'000 == 3 && local / 86'400'000 != optimized_day) {
                optimized_day = local / 86'400'000;
                database->Write([](db::Connection& c) { search::Optimize(c); });
                log->info("event=search_optimized");
            }
        },
        [&log](const std::string& message) { log->error("event=background_failure error=\"{}\"", message); });
    std::unique_ptr<jobs::Ticker> mail_ticker;
    if (outbox) {
        mail_ticker = std::make_unique<jobs::Ticker>(
            std::chrono::seconds(2),
            [&] {
                auto report = outbox->DeliverDue();
                if (report.sent + report.retried + report.failed > 0) {
                    log->info("event=mail sent={} retried={} failed={}", report.sent, report.retried, report.failed);
                }
            },
            [&log](const std::string& message) { log->error("event=mail_failure error=\"{}\"", message); });
    }
    std::cout << "tuyenvan: listening on http://" << options.host << ":" << port << std::endl;
    log->info("event=listening address={}:{} database=\"{}\"", options.host, port, database->Describe());
    server.Run();
    if (mail_ticker) {
        // A send in progress is abandoned and retried later, so e-mail never holds up shutdown.
        outbox->Stop();
        smtp->Cancel();
        mail_ticker->Stop();
    }
    background.Stop();
    try {
        audience.Stop();
    } catch (const std::exception& error) {
        log->error("event=counter_flush_failure error=\"{}\"", error.what());
    }
    log->info("event=drained");
    database->Close();
    media::Shutdown();
    spdlog::shutdown();
    std::cout << "tuyenvan: stopped" << std::endl;
    return 0;
}

}  // namespace tuyenvan::app

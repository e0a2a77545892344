// The composition root: builds the database, templates, services and routes, then serves.
#pragma once

#include <string>

#include "app/config.hpp"
#include "platform/http/router.hpp"

namespace tuyenvan::app {

/// Runs the HTTP server until SIGTERM/SIGINT; returns the exit status.
int Serve(const Config& config);

/// The unit CSV of 2019–2020 that the demo loads (embedded from data/units).
std::string DemoUnitsCsv();

/// Replaces the configured database with a backup made by `tuyenvan backup`.
void RestoreBackup(const Config& config, const std::string& file);

/// The OpenAPI 3 document of every /api/ route.
std::string OpenApiDocument(const http::Router& router);

}  // namespace tuyenvan::app

// The demo data of `make run`: the Lào Cai tree of 2019–2020, departments, villages, people and one
// account per role. Later rooms extend it. Everything is generated here; nothing is copied.
#pragma once

#include <string>
#include <vector>

#include "org/service.hpp"

namespace tuyenvan::org {

/// A demo sign-in, printed by `make run` and listed in the README.
struct DemoAccount {
    std::string login;
    std::string password;
    std::string role_label;
    std::string unit_name;
};

/// The demo sign-ins, in the order they are printed.
const std::vector<DemoAccount>& DemoAccounts();

/// Loads the demo data into an empty database; returns false when units already exist. Villages are made for the
/// communes of Bát Xát (the demo district) and, with `villages_everywhere`, for every other commune too, so that the
/// outreach history (teams, logbooks) covers the whole province.
bool LoadDemo(Service& service, db::Database& database, const std::string& units_csv, bool villages_everywhere = true);

}  // namespace tuyenvan::org

#include "org/demo.hpp"

#include <map>
#include <random>

namespace tuyenvan::org {
namespace {

struct DemoGrant {
    const char* login;
    const char* password;
    Role role;
    const char* unit;                  // a code, or the name of a unit the demo adds
    const char* unit_label;            // how the sign-in list names the unit
    const char* role_label = nullptr;  // when the role that matters is held elsewhere (a site's board)
};

constexpr DemoGrant kGrants[] = {
    {"admin", "quantri-laocai-2026", Role::kAdministrator, "10", "Tỉnh Lào Cai"},
    {"vanphong", "vanphong-laocai-2026", Role::kProvinceOffice, "10", "Tỉnh Lào Cai"},
    {"huyen.batxat", "canbo-batxat-2026", Role::kDistrictOfficer, "082", "Huyện Bát Xát"},
    {"xa.amusung", "canbo-amusung-2026", Role::kCommuneOfficer, "02686", "Xã A Mú Sung"},
    {"so.vhttdl", "canbo-vhttdl-2026", Role::kDepartmentOfficer, "Sở Văn hóa, Thể thao và Du lịch",
     "Sở Văn hóa, Thể thao và Du lịch"},
    {"bientap", "bientap-laocai-2026", Role::kEditor, "10", "Tỉnh Lào Cai"},
    {"congtacvien", "congtac-batxat-2026", Role::kContributor, "082", "Huyện Bát Xát"},
    {"bientap.batxat", "bientap-batxat-2026", Role::kEditor, "082", "Huyện Bát Xát"},
    {"ctv.tinh", "congtac-laocai-2026", Role::kContributor, "10", "Tỉnh Lào Cai"},
    {"xem", "nguoixem-laocai-2026", Role::kViewer, "10", "Tỉnh Lào Cai"},
    // Board members of the province's and Bát Xát's sites: the portal demo gives them the board role.
    {"bbt", "banbientap-laocai-2026", Role::kViewer, "10", "Tỉnh Lào Cai", "Ban biên tập"},
    {"bbt.batxat", "banbientap-batxat-2026", Role::kViewer, "082", "Huyện Bát Xát", "Ban biên tập"},
};

constexpr const char* kDepartments[] = {"Sở Văn hóa, Thể thao và Du lịch",
                                        "Sở Thông tin và Truyền thông",
                                        "Sở Nông nghiệp và Phát triển nông thôn",
                                        "Sở Y tế",
                                        "Sở Giáo dục và Đào tạo",
                                        "Sở Tư pháp",
                                        "Hội Nông dân tỉnh",
                                        "Tỉnh đoàn Lào Cai",
                                        "Hội Liên hiệp Phụ nữ tỉnh",
                                        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"};

constexpr const char* kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ",   "Lương",
                                   "Giàng",  "Sùng", "Lù", "Vàng", "Thào",  "Lò", "Hà",   "Lục", "Đinh", "Triệu"};
constexpr const char* kMiddle[] = {"Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Seo", "A", "Thanh", "Ngọc"};
constexpr const char* kGiven[] = {"An",   "Bình",  "Chiến", "Dũng", "Dung",  "Giang", "Hà",    "Hải", "Hằng",  "Hiền",
                                  "Hùng", "Hương", "Khánh", "Lan",  "Linh",  "Mai",   "Nam",   "Nga", "Phong", "Phương",
                                  "Quân", "Sáng",  "Sử",    "Tâm",  "Thắng", "Thảo",  "Trang", "Tú",  "Vân",   "Xuân"};
constexpr const char* kPositions[] = {"Bí thư Đảng ủy",
                                      "Phó Bí thư Đảng ủy",
                                      "Trưởng ban Tuyên vận",
                                      "Phó Trưởng ban Tuyên vận chuyên trách",
                                      "Chủ tịch Hội Nông dân",
                                      "Chủ tịch Hội Liên hiệp Phụ nữ",
                                      "Bí thư Đoàn Thanh niên",
                                      "Chủ tịch Ủy ban Mặt trận Tổ quốc",
                                      "Chủ tịch Hội Cựu chiến binh"};
constexpr const char* kVillagePrefix[] = {"Thôn", "Bản"};
constexpr const char* kVillageNames[] = {"Trung Tâm", "Làng Mới", "Phìn Ngan", "Tả Suối", "Nậm Pung",  "Cốc Phương",
                                         "Khe Quang", "Sín Chải", "Na Lốc",    "Tân Bảo", "Ngải Thầu", "Séo Phìn"};

}  // namespace

const std::vector<DemoAccount>& DemoAccounts() {
    static const std::vector<DemoAccount> accounts = [] {
        std::vector<DemoAccount> out;
        for (const auto& grant : kGrants) {
            out.push_back(
                {grant.login, grant.password,
                 grant.role_label != nullptr ? std::string(grant.role_label) : std::string(RoleLabel(grant.role)),
                 grant.unit_label});
        }
        return out;
    }();
    return accounts;
}

bool LoadDemo(Service& service, db::Database& database, const std::string& units_csv, bool villages_everywhere) {
    auto existing =
        database.ReadValue([](db::Connection& c) { return c.Query("SELECT COUNT(*) FROM units").Int(0, 0); });
    if (existing > 0) {
        return false;
    }
    service.ImportUnits(units_csv, std::nullopt, std::nullopt);
    Actor system{nullptr, ""};
    auto province = database.ReadValue(
        [](db::Connection& c) { return c.Query("SELECT id FROM units WHERE code = '10'").Int(0, 0); });
    std::map<std::string, std::int64_t> named;
    for (const char* office : {"Văn phòng Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"}) {
        named[office] = service.CreateUnit(system, UnitInput{"",
                                                             province,
                                                             "office",
                                                             "Cơ quan Đảng",
                                                             office,
                                                             std::string(office) + " Lào Cai",
                                                             std::nullopt,
                                                             std::nullopt,
                                                             {}});
    }
    for (const char* department : kDepartments) {
        std::string kind = std::string(department).starts_with("Sở") ? "Sở" : "Ngành";
        named[department] = service.CreateUnit(
            system,
            UnitInput{"", province, "department", kind, department, department, std::nullopt, std::nullopt, {}});
    }
    std::mt19937 random(20190101);
    auto pick = [&random](const auto& list) { return list[random() % std::size(list)]; };
    auto person_name = [&] { return std::string(pick(kFamily)) + " " + pick(kMiddle) + " " + pick(kGiven); };

    // Villages and committee members for the communes of Bát Xát, the demo's district.
    auto communes = database.ReadValue([](db::Connection& c) {
        return c.Query(
            "SELECT u.id, u.name FROM units u JOIN units d ON d.id = u.parent_id WHERE d.code = '082' ORDER BY u.id");
    });
    for (std::size_t i = 0; i < communes.Size(); ++i) {
        std::int64_t commune = communes.Int(i, 0);
        int villages = 4 + static_cast<int>(random() % 5);
        for (int v = 0; v < villages; ++v) {
            std::string name = std::string(pick(kVillagePrefix)) + " " +
                               kVillageNames[(i + static_cast<std::size_t>(v)) % std::size(kVillageNames)];
            if (v >= static_cast<int>(std::size(kVillageNames))) {
                name += " " + std::to_string(v);
            }
            service.CreateUnit(system, UnitInput{"",
                                                 commune,
                                                 "village",
                                                 name.substr(0, name.find(' ')),
                                                 name,
                                                 name,
                                                 std::nullopt,
                                                 std::nullopt,
                                                 {}});
        }
        for (const char* position : kPositions) {
            Person person;
            person.full_name = person_name();
            person.position = position;
            person.unit_id = commune;
            person.phone = "09" + std::to_string(10000000 + random() % 89999999);
            service.CreatePerson(system, person);
        }
    }
    // A head and a deputy for every district and department.
    auto heads = database.ReadValue([](db::Connection& c) {
        return c.Query("SELECT id, level FROM units WHERE level IN ('district', 'department', 'office') ORDER BY id");
    });
    for (std::size_t i = 0; i < heads.Size(); ++i) {
        for (const char* position : {"Trưởng ban", "Phó Trưởng ban"}) {
            Person person;
            person.full_name = person_name();
            person.position = heads.Text(i, 1) == "district" ? std::string(position) + " Tuyên giáo" : position;
            person.unit_id = heads.Int(i, 0);
            person.email =
                "canbo" + std::to_string(heads.Int(i, 0)) + std::to_string(random() % 100) + "@laocai.dcs.vn";
            service.CreatePerson(system, person);
        }
    }
    for (const auto& grant : kGrants) {
        std::string unit = grant.unit;
        if (named.contains(unit)) {
            service.CreateAccount(system, grant.login, grant.password, std::nullopt, grant.role, named[unit]);
        } else {
            service.CreateAccountByCode(grant.login, grant.password, grant.role, unit);
        }
    }
    // Villages of every other commune, so that the outreach history (teams, their logbooks) covers the whole
    // province. A generator of its own keeps Bát Xát's data above the same from one version to the next.
    if (!villages_everywhere) {
        return true;
    }
    std::mt19937 others(20250701);
    auto elsewhere = database.ReadValue([](db::Connection& c) {
        return c.Query(
            "SELECT u.id FROM units u JOIN units d ON d.id = u.parent_id WHERE u.level = 'commune' AND "
            "u.valid_to IS NULL AND d.code <> '082' ORDER BY u.id");
    });
    for (std::size_t i = 0; i < elsewhere.Size(); ++i) {
        int villages = 4 + static_cast<int>(others() % 6);
        for (int v = 0; v < villages; ++v) {
            std::string name = std::string(kVillagePrefix[others() % std::size(kVillagePrefix)]) + " " +
                               kVillageNames[(i * 3 + static_cast<std::size_t>(v)) % std::size(kVillageNames)];
            if (v >= static_cast<int>(std::size(kVillageNames))) {
                name += " " + std::to_string(v);
            }
            service.CreateUnit(system, UnitInput{"",
                                                 elsewhere.Int(i, 0),
                                                 "village",
                                                 name.substr(0, name.find(' ')),
                                                 name,
                                                 name,
                                                 std::nullopt,
                                                 std::nullopt,
                                                 {}});
        }
    }
    return true;
}

}  // namespace tuyenvan::org

#include "outreach/bodies_demo.hpp"

#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <span>

#include "outreach/bodies_store.hpp"

namespace tuyenvan::outreach {
namespace {

constexpr const char* kFamily[] = {"Nguyễn", "Trần", "Lò", "Phạm", "Hoàng", "Vàng", "Đặng", "Giàng", "Sùng", "Lý",
                                   "Thào", "Chảo", "Tẩn", "Lục", "Bàn", "Ma", "Hầu", "Cư", "Phàn", "Vũ"};
constexpr const char* kMiddle[] = {"Văn", "Thị", "Seo", "A", "Mí", "Quốc", "Thị Kim", "Đình", "Xuân", "Hữu"};
constexpr const char* kGiven[] = {"Chử", "Dín", "Pao", "Sủ", "Lở", "Mẩy", "Chinh", "Thành", "Hoa", "Lợi",
                                  "Cường", "Duyên", "Tuấn", "Hạnh", "Sơn", "Yến", "Lâm", "Thơm", "Vinh", "Nhung",
                                  "Páo", "Dế", "Tráng", "Quyết", "Lương", "Nhàn", "Hưng", "Liên", "Tiến", "Ngân"};

// A commune committee's seats in order: role and the position its holder has in the commune.
struct Seat {
    MemberRole role;
    const char* position;
};
constexpr Seat kCommuneSeats[] = {
    {MemberRole::kHead, "Phó Bí thư Đảng ủy"},
    {MemberRole::kFullTimeDeputy, "Phó Trưởng ban Tuyên vận chuyên trách"},
    {MemberRole::kDeputy, "Chủ tịch Ủy ban Mặt trận Tổ quốc"},
    {MemberRole::kMember, "Chủ tịch Hội Nông dân"},
    {MemberRole::kMember, "Chủ tịch Hội Liên hiệp Phụ nữ"},
    {MemberRole::kMember, "Bí thư Đoàn Thanh niên"},
    {MemberRole::kMember, "Chủ tịch Hội Cựu chiến binh"},
};
constexpr Seat kDistrictSeats[] = {
    {MemberRole::kHead, "Phó Bí thư Thường trực Huyện ủy"},
    {MemberRole::kFullTimeDeputy, "Phó Trưởng ban Tuyên giáo Huyện ủy"},
    {MemberRole::kDeputy, "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc huyện"},
    {MemberRole::kMember, "Chuyên viên Ban Tuyên giáo Huyện ủy"},
    {MemberRole::kMember, "Giám đốc Trung tâm Văn hóa, Thể thao và Truyền thông huyện"},
};
constexpr Seat kProvinceSeats[] = {
    {MemberRole::kHead, "Phó Bí thư Tỉnh ủy"},
    {MemberRole::kFullTimeDeputy, "Phó Trưởng ban Tuyên giáo Tỉnh ủy"},
    {MemberRole::kDeputy, "Phó Trưởng ban Dân vận Tỉnh ủy"},
    {MemberRole::kMember, "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc tỉnh"},
    {MemberRole::kMember, "Trưởng phòng Tuyên truyền, Ban Tuyên giáo Tỉnh ủy"},
    {MemberRole::kMember, "Phó Giám đốc Sở Thông tin và Truyền thông"},
    {MemberRole::kMember, "Phó Tổng Biên tập Báo Lào Cai"},
};

constexpr const char* kTopics[] = {
    "Tình hình thời sự quốc tế nổi bật trong tháng",
    "Tình hình kinh tế - xã hội trong nước",
    "Kết quả phát triển kinh tế - xã hội của tỉnh",
    "Chính sách dân tộc và tôn giáo",
    "Phòng, chống ma túy và mua bán người",
    "Xây dựng nông thôn mới gắn với giảm nghèo bền vững",
    "Chuyển đổi số và dịch vụ công trực tuyến",
    "Bảo vệ chủ quyền, an ninh biên giới quốc gia",
    "Phòng, chống thiên tai, lũ quét và sạt lở đất",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Pháp luật về đất đai và bảo vệ rừng",
    "Bảo hiểm y tế, bảo hiểm xã hội tự nguyện",
    "Phòng, chống tảo hôn và hôn nhân cận huyết thống",
    "Phát triển du lịch cộng đồng",
};

struct DemoUnit {
    std::int64_t id = 0;
    std::string level;
    std::string full_name;
    std::string kind;
    std::optional<std::int64_t> parent_id;
};

class Generator {
public:
    Generator(db::Database& database, org::Service& org) : database_(database), org_(org) {
        auto rows = database_.ReadValue([](db::Connection& c) {
            return c.Query("SELECT id, unit_id, position, phone FROM people ORDER BY id");
        });
        for (std::size_t i = 0; i < rows.Size(); ++i) {
            people_.emplace(std::make_pair(rows.Int(i, 1), rows.String(i, 2)), rows.Int(i, 0));
            phones_[rows.Int(i, 0)] = rows.String(i, 3);
        }
    }

    // The person of `unit` holding `position`, added when the demo has none.
    std::int64_t Person(std::int64_t unit, const std::string& position) {
        auto found = people_.find({unit, position});
        if (found != people_.end()) {
            return found->second;
        }
        org::Person person;
        do {
            person.full_name = std::string(Pick(kFamily)) + " " + Pick(kMiddle) + " " + Pick(kGiven);
        } while (used_names_.contains({unit, person.full_name}));
        used_names_.insert({unit, person.full_name});
        person.position = position;
        person.unit_id = unit;
        person.phone = "09" + std::to_string(12000000 + random_() % 87000000);
        std::int64_t id = org_.CreatePerson(org::Actor{nullptr, ""}, person);
        people_.emplace(std::make_pair(unit, position), id);
        phones_[id] = person.phone;
        return id;
    }

    // The phone a person was given.
    std::string Phone(std::int64_t person_id) const {
        auto found = phones_.find(person_id);
        return found == phones_.end() ? std::string() : found->second;
    }

private:
    template <typename List>
    const char* Pick(const List& list) {
        return list[random_() % std::size(list)];
    }

    db::Database& database_;
    org::Service& org_;
    std::mt19937 random_{20190315};
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> people_;
    std::set<std::pair<std::int64_t, std::string>> used_names_;
    std::map<std::int64_t, std::string> phones_;
};

// A planned seat: who, in what role, from when, and until when for history.
struct PlannedSeat {
    std::int64_t person_id = 0;
    MemberRole role = MemberRole::kMember;
    std::string position;
    std::string start_on;
    std::string end_on;
};

struct PlannedBody {
    Body body;
    std::int64_t parent_unit = 0;  ///< for a team: the commune whose committee it joins
    std::vector<PlannedSeat> seats;
};

std::string Day(int year, int month, int day) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return text;
}

std::string Lowered(const std::string& name) {
    std::string out = name;
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') {
        out[0] = static_cast<char>(out[0] - 'A' + 'a');
    }
    return out;
}

}  // namespace

BodiesDemoReport LoadBodiesDemo(db::Database& database, org::Service& org, std::int64_t now_ms) {
    BodiesDemoReport report;
    bool loaded = database.ReadValue(
        [](db::Connection& c) { return c.Query("SELECT COUNT(*) FROM outreach_bodies").Int(0, 0) > 0; });
    if (loaded) {
        return report;
    }
    auto rows = database.ReadValue([](db::Connection& c) {
        return c.Query("SELECT id, level, full_name, kind, parent_id FROM units WHERE valid_to IS NULL AND level IN "
                       "('province', 'district', 'commune', 'village') ORDER BY depth, sort_key, id");
    });
    std::vector<DemoUnit> units;
    for (std::size_t i = 0; i < rows.Size(); ++i) {
        units.push_back({rows.Int(i, 0), rows.String(i, 1), rows.String(i, 2), rows.String(i, 3), rows.OptInt(i, 4)});
    }
    Generator people(database, org);
    std::vector<PlannedBody> plan;
    std::vector<std::pair<std::int64_t, std::vector<std::int64_t>>> speakers;  // level unit → people
    int commune_index = 0;
    int village_index = 0;
    for (const auto& unit : units) {
        PlannedBody planned;
        planned.body.unit_id = unit.id;
        if (unit.level == "village") {
            ++village_index;
            // Every sixth village has no team yet; every fifth team is below three members.
            if (village_index % 6 == 4) {
                continue;
            }
            planned.body.kind = BodyKind::kTeam;
            planned.body.name = "Tổ tuyên vận " + Lowered(unit.full_name);
            planned.body.established_on = Day(2019, 4, 1 + village_index % 20);
            planned.parent_unit = unit.parent_id.value_or(0);
            // The people are the commune's (the person list names the village in the position), as a
            // team may draw on anyone in the commune.
            std::string village = Lowered(unit.full_name);
            std::vector<std::string> positions = {"Bí thư Chi bộ " + village, "Trưởng " + village,
                                                  "Chi hội trưởng Chi hội Phụ nữ " + village};
            std::size_t seats = village_index % 5 == 2 ? 2 : 3;
            for (std::size_t s = 0; s < seats; ++s) {
                planned.seats.push_back({people.Person(unit.parent_id.value_or(unit.id), positions[s]),
                                         s == 0 ? MemberRole::kLeader : MemberRole::kMember, positions[s],
                                         planned.body.established_on, ""});
            }
        } else {
            planned.body.kind = BodyKind::kCommittee;
            planned.body.name = "Ban Tuyên vận " + Lowered(unit.full_name);
            std::span<const Seat> seats = unit.level == "commune"    ? std::span<const Seat>(kCommuneSeats)
                                          : unit.level == "district" ? std::span<const Seat>(kDistrictSeats)
                                                                     : std::span<const Seat>(kProvinceSeats);
            std::string established = Day(2019, 3, 1 + commune_index % 25);
            planned.body.established_on = established;
            bool commune = unit.level == "commune";
            if (commune) {
                ++commune_index;
            }
            for (std::size_t s = 0; s < seats.size(); ++s) {
                const Seat& seat = seats[s];
                // Vacancies: every seventh commune lacks its full-time deputy, every ninth two members.
                if (commune && seat.role == MemberRole::kFullTimeDeputy && commune_index % 7 == 3) {
                    continue;
                }
                if (commune && commune_index % 9 == 5 && s >= seats.size() - 2) {
                    continue;
                }
                std::int64_t person = people.Person(unit.id, seat.position);
                std::string start = established;
                // Every fourth commune changed its full-time deputy in mid-2020; the first one stays as history.
                if (commune && seat.role == MemberRole::kFullTimeDeputy && commune_index % 4 == 1) {
                    std::int64_t former = people.Person(unit.id, "Nguyên Phó Trưởng ban Tuyên vận chuyên trách");
                    planned.seats.push_back({former, seat.role, "Phó Trưởng ban Tuyên vận chuyên trách", established,
                                             Day(2020, 6, 30)});
                    start = Day(2020, 7, 1);
                }
                planned.seats.push_back({person, seat.role, seat.position, start, ""});
            }
            // Speakers: the committee's first seats at every level, and for districts and the province a few more.
            std::vector<std::int64_t> level_speakers;
            for (const auto& seat : planned.seats) {
                if (seat.end_on.empty() && level_speakers.size() < (commune ? 2u : 3u)) {
                    level_speakers.push_back(seat.person_id);
                }
            }
            if (!commune) {
                level_speakers.push_back(people.Person(unit.id, "Báo cáo viên"));
            }
            speakers.emplace_back(unit.id, std::move(level_speakers));
        }
        plan.push_back(std::move(planned));
    }
    BodiesStore store;
    database.Write([&](db::Connection& c) {
        std::map<std::int64_t, std::int64_t> committee_of_unit;
        for (auto& planned : plan) {
            if (planned.body.kind == BodyKind::kTeam) {
                auto committee = committee_of_unit.find(planned.parent_unit);
                if (committee == committee_of_unit.end()) {
                    continue;
                }
                planned.body.parent_body_id = committee->second;
                ++report.teams;
            } else {
                ++report.committees;
            }
            std::int64_t body_id = store.InsertBody(c, planned.body, now_ms);
            if (planned.body.kind == BodyKind::kCommittee) {
                committee_of_unit[planned.body.unit_id] = body_id;
            }
            for (const auto& seat : planned.seats) {
                Member member;
                member.body_id = body_id;
                member.person_id = seat.person_id;
                member.role = seat.role;
                member.position = seat.position;
                member.phone = people.Phone(seat.person_id);
                member.start_on = seat.start_on;
                std::int64_t id = store.InsertMember(c, member, now_ms);
                if (!seat.end_on.empty()) {
                    store.EndMember(c, id, 1, seat.end_on, now_ms);
                }
                ++report.members;
            }
        }
        std::mt19937 random(20190401);
        for (const auto& [unit_id, persons] : speakers) {
            for (std::int64_t person_id : persons) {
                Speaker speaker;
                speaker.person_id = person_id;
                speaker.unit_id = unit_id;
                std::size_t count = 1 + random() % 3;
                std::size_t first = random() % std::size(kTopics);
                for (std::size_t t = 0; t < count; ++t) {
                    speaker.topics.emplace_back(kTopics[(first + t * 5) % std::size(kTopics)]);
                }
                store.InsertSpeaker(c, speaker, now_ms);
                ++report.speakers;
            }
        }
    });
    return report;
}

}  // namespace tuyenvan::outreach

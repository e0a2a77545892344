#include "outreach/bodies_service.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "platform/audit/audit_log.hpp"
#include "platform/media/sniff.hpp"
#include "platform/security/crypto.hpp"
#include "platform/text/format.hpp"
#include "platform/text/utf8.hpp"

namespace tuyenvan::outreach {
namespace {

using Kind = org::ServiceError::Kind;
using org::ServiceError;
namespace json = boost::json;

constexpr std::string_view kEarliestDay = "1945-01-01";

const ServiceError kStale(Kind::kConflict,
                          "Thông tin vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất rồi làm lại.");

void Require(const org::Actor& actor, org::Permission permission, const std::string& path) {
    if (actor.principal != nullptr && !actor.principal->Can(permission, path)) {
        throw ServiceError(Kind::kForbidden, "Bạn không có quyền thực hiện thao tác này với đơn vị này.");
    }
}

void Require(const org::Principal& principal, org::Permission permission, const std::string& path) {
    Require(org::Actor{&principal, ""}, permission, path);
}

bool HoldsCommittee(const std::string& level) { return level == "province" || level == "district" || level == "commune"; }

// "Xã A Mú Sung" → "xã A Mú Sung", to follow "Ban Tuyên vận"; every level word starts with an ASCII capital.
std::string InName(const std::string& full_name) {
    std::string out = full_name;
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') {
        out[0] = static_cast<char>(out[0] - 'A' + 'a');
    }
    return out;
}

std::string ShowDay(const std::string& iso) {
    auto ms = text::ParseIsoDate(iso);
    return ms ? text::FormatDate(*ms) : iso;
}

// The last path component, without control characters, at most 150 characters.
std::string CleanFileName(const std::string& name) {
    auto slash = name.find_last_of("/\\");
    std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
    std::string out;
    for (char ch : base) {
        if (static_cast<unsigned char>(ch) >= 0x20 && ch != 0x7f) {
            out += ch;
        }
    }
    out = org::Trim(out);
    if (!text::IsValidUtf8(out) || out.empty()) {
        return "quy-che";
    }
    return out.size() > 150 ? out.substr(out.size() - 150) : out;
}

bool ValidPhone(const std::string& phone) {
    return std::all_of(phone.begin(), phone.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || ch == ' ' || ch == '+' || ch == '.' || ch == '-' || ch == '(' || ch == ')';
    });
}

// Trims, drops empty and repeated topics, keeps the order given.
std::vector<std::string> CleanTopics(const std::vector<std::string>& topics, org::FieldErrors& errors) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& raw : topics) {
        std::string topic = org::Trim(raw);
        if (topic.empty() || seen.contains(topic)) {
            continue;
        }
        org::CheckText(errors, "topics", topic, "Chuyên đề", true, 200);
        seen.insert(topic);
        out.push_back(std::move(topic));
    }
    if (out.empty()) {
        errors.emplace_back("topics", "Hãy ghi ít nhất một chuyên đề báo cáo viên trình bày được.");
    } else if (out.size() > 20) {
        errors.emplace_back("topics", "Tối đa 20 chuyên đề cho một báo cáo viên.");
    }
    return out;
}

bool IsUniqueViolation(const db::Error& error) { return error.Kind() == db::ErrorKind::kUniqueViolation; }

}  // namespace

std::string ToJson(const Body& body) {
    return json::serialize(json::object{
        {"id", body.id},
        {"kind", BodyKindName(body.kind)},
        {"unit_id", body.unit_id},
        {"parent_body_id", body.parent_body_id ? json::value(*body.parent_body_id) : json::value(nullptr)},
        {"name", body.name},
        {"established_on", body.established_on.empty() ? json::value(nullptr) : json::value(body.established_on)},
        {"version", body.version}});
}

std::string ToJson(const Member& member) {
    return json::serialize(json::object{
        {"id", member.id},
        {"body_id", member.body_id},
        {"person_id", member.person_id},
        {"person_name", member.person_name},
        {"role", MemberRoleName(member.role)},
        {"role_label", MemberRoleLabel(member.role)},
        {"position", member.position},
        {"phone", member.phone},
        {"start_on", member.start_on},
        {"end_on", member.end_on.empty() ? json::value(nullptr) : json::value(member.end_on)},
        {"version", member.version}});
}

std::string ToJson(const RulesDocument& document) {
    return json::serialize(json::object{{"id", document.id},
                                        {"body_id", document.body_id},
                                        {"file_name", document.file_name},
                                        {"content_type", document.content_type},
                                        {"byte_size", document.byte_size},
                                        {"adopted_on", document.adopted_on},
                                        {"uploaded_by", document.uploaded_by},
                                        {"url", "/api/v1/outreach/documents/" + std::to_string(document.id)}});
}

std::string ToJson(const Speaker& speaker) {
    json::array topics;
    for (const auto& topic : speaker.topics) {
        topics.push_back(json::value(topic));
    }
    json::array presentations;
    for (const auto& presentation : speaker.presentations) {
        presentations.push_back(json::object{{"conference_id", presentation.conference_id},
                                             {"commune_name", presentation.commune_name},
                                             {"date", presentation.day},
                                             {"topic", presentation.topic},
                                             {"presented", presentation.presented}});
    }
    return json::serialize(json::object{{"id", speaker.id},
                                        {"person_id", speaker.person_id},
                                        {"person_name", speaker.person_name},
                                        {"position", speaker.position},
                                        {"phone", speaker.phone},
                                        {"unit_id", speaker.unit_id},
                                        {"unit_name", speaker.unit_name},
                                        {"active", speaker.active},
                                        {"topics", std::move(topics)},
                                        {"presentations", std::move(presentations)},
                                        {"version", speaker.version}});
}

BodiesService::BodiesService(db::Database& database, std::function<std::int64_t()> clock)
    : database_(database), clock_(std::move(clock)) {}

std::optional<std::string> BodiesService::ParseDay(const std::string& text) {
    std::string trimmed = org::Trim(text);
    auto ms = text::ParseIsoDate(trimmed);
    if (!ms) {
        ms = text::ParseDate(trimmed);
    }
    if (!ms) {
        return std::nullopt;
    }
    std::string iso = text::FormatIsoDate(*ms);
    if (iso < kEarliestDay || iso > "2100-12-31") {
        return std::nullopt;
    }
    return iso;
}

std::string BodiesService::Today() const { return text::FormatIsoDate(clock_()); }

UnitRef BodiesService::LoadUnit(db::Connection& c, std::int64_t unit_id) const {
    auto unit = store_.FindUnit(c, unit_id);
    if (!unit) {
        throw ServiceError(Kind::kNotFound, "Không tìm thấy đơn vị.");
    }
    return std::move(*unit);
}

Body BodiesService::LoadBody(db::Connection& c, std::int64_t body_id) const {
    auto body = store_.FindBody(c, body_id);
    if (!body) {
        throw ServiceError(Kind::kNotFound, "Không tìm thấy ban hoặc tổ tuyên vận.");
    }
    return std::move(*body);
}

void BodiesService::Audit(db::Connection& c, const org::Actor& actor, const std::string& action,
                          const std::string& entity, std::int64_t id, std::string before, std::string after,
                          std::int64_t now) {
    audit::Change change;
    change.actor = actor.principal ? actor.principal->login : "system";
    change.action = action;
    change.entity = entity;
    change.entity_id = std::to_string(id);
    change.before_json = std::move(before);
    change.after_json = std::move(after);
    change.address = actor.address;
    audit::Append(c, change, now);
}

std::vector<UnitRef> BodiesService::EntryUnits(const org::Principal& principal) {
    return database_.ReadValue([&](db::Connection& c) {
        std::vector<UnitRef> out;
        std::set<std::int64_t> seen;
        for (const auto& grant : principal.grants) {
            if (org::RoleHas(grant.role, org::Permission::kOutreachRead) && seen.insert(grant.unit_id).second) {
                if (auto unit = store_.FindUnit(c, grant.unit_id)) {
                    out.push_back(std::move(*unit));
                }
            }
        }
        return out;
    });
}

UnitOutreach BodiesService::GetUnit(const org::Principal& principal, std::int64_t unit_id, bool history) {
    return database_.ReadValue([&](db::Connection& c) {
        UnitOutreach out;
        out.unit = LoadUnit(c, unit_id);
        Require(principal, org::Permission::kOutreachRead, out.unit.path);
        out.can_have_body = HoldsCommittee(out.unit.level) || out.unit.level == "village";
        out.body = store_.OpenBodyOf(c, unit_id);
        if (out.body) {
            out.members = store_.Members(c, out.body->id, history);
            out.rules = store_.Documents(c, out.body->id);
        }
        if (out.unit.level == "commune") {
            out.villages = store_.VillageTeams(c, out.unit.path);
        }
        if (out.unit.level == "village" && out.unit.parent_id) {
            out.parent_committee = store_.OpenBodyOf(c, *out.unit.parent_id);
        }
        return out;
    });
}

std::int64_t BodiesService::Establish(const org::Actor& actor, std::int64_t unit_id,
                                      const std::string& established_on) {
    std::string day;
    org::FieldErrors errors;
    if (!org::Trim(established_on).empty()) {
        auto parsed = ParseDay(established_on);
        if (!parsed) {
            errors.emplace_back("established_on", "Ngày thành lập không hợp lệ; hãy ghi theo dạng ngày/tháng/năm.");
        } else if (*parsed > Today()) {
            errors.emplace_back("established_on", "Ngày thành lập không được sau ngày hôm nay.");
        } else {
            day = *parsed;
        }
    }
    std::int64_t now = clock_();
    try {
        return database_.WriteValue([&](db::Connection& c) {
            UnitRef unit = LoadUnit(c, unit_id);
            // Who may act is answered before what is wrong with the form.
            Require(actor, org::Permission::kOutreachWrite, unit.path);
            org::ThrowIfInvalid(errors);
            Body body;
            body.unit_id = unit.id;
            body.established_on = day;
            if (HoldsCommittee(unit.level)) {
                body.kind = BodyKind::kCommittee;
                body.name = "Ban Tuyên vận " + InName(unit.name);
            } else if (unit.level == "village") {
                body.kind = BodyKind::kTeam;
                body.name = "Tổ tuyên vận " + InName(unit.name);
                auto committee = unit.parent_id ? store_.OpenBodyOf(c, *unit.parent_id) : std::nullopt;
                if (!committee) {
                    throw ServiceError(Kind::kInvalid, "Hãy thành lập Ban Tuyên vận của " + InName(unit.parent_name) +
                                                           " trước khi lập tổ tuyên vận cho thôn, bản.");
                }
                body.parent_body_id = committee->id;
            } else {
                throw ServiceError(Kind::kInvalid,
                                   "Chỉ xã, huyện, tỉnh có ban tuyên vận và chỉ thôn, bản, tổ dân phố có tổ tuyên vận.");
            }
            if (auto existing = store_.OpenBodyOf(c, unit.id)) {
                throw ServiceError(Kind::kConflict, unit.name + " đã có " + existing->name + "; không lập thêm.");
            }
            body.id = store_.InsertBody(c, body, now);
            Audit(c, actor, "outreach.body.create", "outreach_body", body.id, "null", ToJson(body), now);
            return body.id;
        });
    } catch (const db::Error& error) {
        if (IsUniqueViolation(error)) {
            throw ServiceError(Kind::kConflict, "Đơn vị này vừa được lập ban hoặc tổ tuyên vận; không lập thêm.");
        }
        throw;
    }
}

std::pair<Body, UnitRef> BodiesService::GetBody(const org::Principal& principal, std::int64_t body_id) {
    return database_.ReadValue([&](db::Connection& c) {
        Body body = LoadBody(c, body_id);
        UnitRef unit = LoadUnit(c, body.unit_id);
        Require(principal, org::Permission::kOutreachRead, unit.path);
        return std::make_pair(std::move(body), std::move(unit));
    });
}

std::vector<Candidate> BodiesService::Candidates(const org::Principal& principal, std::int64_t body_id) {
    return database_.ReadValue([&](db::Connection& c) {
        Body body = LoadBody(c, body_id);
        UnitRef unit = LoadUnit(c, body.unit_id);
        Require(principal, org::Permission::kOutreachWrite, unit.path);
        // A team's members may live anywhere in the commune, not only in the village.
        std::string path = unit.path;
        if (body.kind == BodyKind::kTeam && unit.parent_id) {
            path = LoadUnit(c, *unit.parent_id).path;
        }
        return store_.PeopleUnder(c, path);
    });
}

std::int64_t BodiesService::AddMember(const org::Actor& actor, std::int64_t body_id, const MemberInput& input) {
    org::FieldErrors errors;
    auto role = ParseMemberRole(input.role);
    auto start = ParseDay(input.start_on);
    std::string position = org::Trim(input.position);
    std::string phone = org::Trim(input.phone);
    if (!input.person_id) {
        errors.emplace_back("person_id", "Hãy chọn người được phân công.");
    }
    if (!role) {
        errors.emplace_back("role", "Hãy chọn vai trò trong ban hoặc tổ.");
    }
    org::CheckText(errors, "position", position, "Chức vụ", false, 200);
    org::CheckText(errors, "phone", phone, "Điện thoại", false, 20);
    if (!ValidPhone(phone)) {
        errors.emplace_back("phone", "Điện thoại chỉ gồm chữ số, dấu cách và các dấu + . - ( ).");
    }
    if (!start) {
        errors.emplace_back("start_on", "Ngày bắt đầu không hợp lệ; hãy ghi theo dạng ngày/tháng/năm.");
    } else if (*start > Today()) {
        errors.emplace_back("start_on", "Ngày bắt đầu không được sau ngày hôm nay.");
    }
    std::int64_t now = clock_();
    try {
        return database_.WriteValue([&](db::Connection& c) {
            Body body = LoadBody(c, body_id);
            UnitRef unit = LoadUnit(c, body.unit_id);
            Require(actor, org::Permission::kOutreachWrite, unit.path);
            org::ThrowIfInvalid(errors);
            auto roles = RolesOf(body.kind);
            if (std::find(roles.begin(), roles.end(), *role) == roles.end()) {
                std::string message = body.kind == BodyKind::kTeam
                                          ? "Tổ tuyên vận chỉ có tổ trưởng và thành viên."
                                          : "Ban tuyên vận có trưởng ban, phó trưởng ban chuyên trách, phó trưởng ban "
                                            "và ủy viên; tổ trưởng là vai trò của tổ.";
                throw ServiceError(Kind::kInvalid, message, {{"role", message}});
            }
            auto person = store_.FindPerson(c, *input.person_id);
            std::string allowed = unit.path;
            if (body.kind == BodyKind::kTeam && unit.parent_id) {
                allowed = LoadUnit(c, *unit.parent_id).path;
            }
            if (!person || !person->first.starts_with(allowed)) {
                std::string message = "Người được chọn không thuộc " + InName(unit.name) + ".";
                throw ServiceError(Kind::kInvalid, message, {{"person_id", message}});
            }
            auto current = store_.Members(c, body.id, false);
            for (const auto& member : current) {
                if (member.person_id == *input.person_id) {
                    throw ServiceError(Kind::kConflict, member.person_name + " đang là " +
                                                            std::string(MemberRoleLabel(member.role)) + " của " +
                                                            body.name + " từ ngày " + ShowDay(member.start_on) + ".");
                }
                if (IsSingleSeat(*role) && member.role == *role) {
                    std::string message = body.name + " đang có " + std::string(MemberRoleLabel(*role)) + " là " +
                                          member.person_name + "; hãy cho người này thôi giữ vai trò trước.";
                    throw ServiceError(Kind::kConflict, message, {{"role", message}});
                }
            }
            Member member;
            member.body_id = body.id;
            member.person_id = *input.person_id;
            member.person_name = person->second.full_name;
            member.role = *role;
            member.position = position.empty() ? person->second.position : position;
            member.phone = phone.empty() ? person->second.phone : phone;
            member.start_on = *start;
            member.id = store_.InsertMember(c, member, now);
            Audit(c, actor, "outreach.member.create", "outreach_member", member.id, "null", ToJson(member), now);
            return member.id;
        });
    } catch (const db::Error& error) {
        if (IsUniqueViolation(error)) {
            throw ServiceError(Kind::kConflict,
                               "Vai trò này hoặc người này vừa được ghi vào ban, tổ; tải lại trang để xem.");
        }
        throw;
    }
}

std::pair<Member, UnitRef> BodiesService::GetMember(const org::Principal& principal, std::int64_t member_id) {
    return database_.ReadValue([&](db::Connection& c) {
        auto member = store_.FindMember(c, member_id);
        if (!member) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy thành viên.");
        }
        UnitRef unit = LoadUnit(c, LoadBody(c, member->body_id).unit_id);
        Require(principal, org::Permission::kOutreachRead, unit.path);
        return std::make_pair(std::move(*member), std::move(unit));
    });
}

void BodiesService::EndMember(const org::Actor& actor, std::int64_t member_id, std::int64_t version,
                              const std::string& end_on) {
    auto end = ParseDay(end_on);
    org::FieldErrors errors;
    if (!end) {
        errors.emplace_back("end_on", "Ngày thôi tham gia không hợp lệ; hãy ghi theo dạng ngày/tháng/năm.");
    } else if (*end > Today()) {
        errors.emplace_back("end_on", "Ngày thôi tham gia không được sau ngày hôm nay.");
    }
    std::int64_t now = clock_();
    database_.Write([&](db::Connection& c) {
        auto before = store_.FindMember(c, member_id);
        if (!before) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy thành viên.");
        }
        UnitRef unit = LoadUnit(c, LoadBody(c, before->body_id).unit_id);
        Require(actor, org::Permission::kOutreachWrite, unit.path);
        if (!before->end_on.empty()) {
            throw ServiceError(Kind::kConflict, before->person_name + " đã thôi tham gia từ ngày " +
                                                    ShowDay(before->end_on) + "; không cần ghi lại.");
        }
        org::ThrowIfInvalid(errors);
        if (*end < before->start_on) {
            std::string message = "Ngày thôi tham gia không được trước ngày bắt đầu (" + ShowDay(before->start_on) + ").";
            throw ServiceError(Kind::kInvalid, message, {{"end_on", message}});
        }
        if (!store_.EndMember(c, member_id, version, *end, now)) {
            throw kStale;
        }
        Audit(c, actor, "outreach.member.end", "outreach_member", member_id, ToJson(*before),
              ToJson(*store_.FindMember(c, member_id)), now);
    });
}

std::int64_t BodiesService::UploadRules(const org::Actor& actor, std::int64_t body_id, const RulesUpload& upload) {
    org::FieldErrors errors;
    auto adopted = ParseDay(upload.adopted_on);
    if (!adopted) {
        errors.emplace_back("adopted_on", "Ngày ban hành quy chế không hợp lệ; hãy ghi theo dạng ngày/tháng/năm.");
    } else if (*adopted > Today()) {
        errors.emplace_back("adopted_on", "Ngày ban hành quy chế không được sau ngày hôm nay.");
    }
    if (upload.bytes.empty()) {
        errors.emplace_back("file", "Hãy chọn tệp quy chế hoạt động (PDF hoặc DOCX).");
    } else if (upload.bytes.size() > kMaxRulesBytes) {
        errors.emplace_back("file", "Tệp quá lớn (tối đa 10 MB).");
    }
    auto kind = media::SniffDocument(upload.bytes);
    std::string name = CleanFileName(upload.file_name);
    auto check = [&] {
        org::ThrowIfInvalid(errors);
        if (!kind || kind->type == media::DocumentType::kXlsx) {
            throw ServiceError(Kind::kInvalid,
                               "Quy chế hoạt động phải là văn bản PDF hoặc DOCX; nội dung tệp này không phải.",
                               {{"file", "Chỉ nhận văn bản PDF hoặc DOCX."}});
        }
        if (!media::NameMatches(name, kind->extension)) {
            std::string message = std::string("Tên tệp không khớp nội dung: tệp thực chất là ") +
                                  (kind->type == media::DocumentType::kPdf ? "PDF" : "DOCX") + ", hãy đặt đuôi ." +
                                  std::string(kind->extension) + ".";
            throw ServiceError(Kind::kInvalid, message, {{"file", message}});
        }
    };
    std::string sha = security::Sha256Hex(upload.bytes);
    std::int64_t now = clock_();
    auto write = [&](db::Connection& c) {
        Body body = LoadBody(c, body_id);
        Require(actor, org::Permission::kOutreachWrite, LoadUnit(c, body.unit_id).path);
        check();
        // The same file sent twice (a double click, a retried request) is stored once.
        if (auto existing = store_.DocumentBySha(c, body.id, sha)) {
            return *existing;
        }
        RulesDocument document;
        document.body_id = body.id;
        document.file_name = name;
        document.content_type = std::string(kind->content_type);
        document.byte_size = static_cast<std::int64_t>(upload.bytes.size());
        document.adopted_on = *adopted;
        document.uploaded_by = actor.principal ? actor.principal->login : "system";
        document.created_at = now;
        document.id = store_.InsertDocument(c, document, sha, upload.bytes);
        Audit(c, actor, "outreach.rules.upload", "outreach_body_document", document.id, "null", ToJson(document), now);
        return document.id;
    };
    try {
        return database_.WriteValue(write);
    } catch (const db::Error& error) {
        if (IsUniqueViolation(error)) {
            // Another request stored the same file in the meantime.
            return database_.WriteValue(write);
        }
        throw;
    }
}

RulesFile BodiesService::Rules(const org::Principal& principal, std::int64_t document_id) {
    return database_.ReadValue([&](db::Connection& c) {
        auto file = store_.FindDocument(c, document_id);
        if (!file) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy tệp quy chế.");
        }
        Require(principal, org::Permission::kOutreachRead,
                LoadUnit(c, LoadBody(c, file->document.body_id).unit_id).path);
        return std::move(*file);
    });
}

std::pair<UnitRef, std::vector<Speaker>> BodiesService::Speakers(const org::Principal& principal,
                                                                 std::int64_t unit_id) {
    return database_.ReadValue([&](db::Connection& c) {
        UnitRef unit = LoadUnit(c, unit_id);
        Require(principal, org::Permission::kOutreachRead, unit.path);
        return std::make_pair(unit, store_.Speakers(c, unit_id));
    });
}

std::vector<Candidate> BodiesService::SpeakerCandidates(const org::Principal& principal, std::int64_t unit_id) {
    return database_.ReadValue([&](db::Connection& c) {
        UnitRef unit = LoadUnit(c, unit_id);
        Require(principal, org::Permission::kOutreachWrite, unit.path);
        return store_.PeopleUnder(c, unit.path);
    });
}

Speaker BodiesService::GetSpeaker(const org::Principal& principal, std::int64_t speaker_id) {
    return database_.ReadValue([&](db::Connection& c) {
        auto speaker = store_.FindSpeaker(c, speaker_id);
        if (!speaker) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy báo cáo viên.");
        }
        Require(principal, org::Permission::kOutreachRead, LoadUnit(c, speaker->unit_id).path);
        speaker->presentations = store_.Presentations(c, speaker_id);
        return std::move(*speaker);
    });
}

std::int64_t BodiesService::AddSpeaker(const org::Actor& actor, std::int64_t unit_id, const SpeakerInput& input) {
    org::FieldErrors errors;
    if (!input.person_id) {
        errors.emplace_back("person_id", "Hãy chọn người làm báo cáo viên.");
    }
    auto topics = CleanTopics(input.topics, errors);
    std::int64_t now = clock_();
    try {
        return database_.WriteValue([&](db::Connection& c) {
            UnitRef unit = LoadUnit(c, unit_id);
            Require(actor, org::Permission::kOutreachWrite, unit.path);
            org::ThrowIfInvalid(errors);
            if (!HoldsCommittee(unit.level)) {
                throw ServiceError(Kind::kInvalid, "Báo cáo viên được lập theo cấp tỉnh, huyện hoặc xã.");
            }
            auto person = store_.FindPerson(c, *input.person_id);
            if (!person || !person->first.starts_with(unit.path)) {
                std::string message = "Người được chọn không thuộc " + InName(unit.name) + ".";
                throw ServiceError(Kind::kInvalid, message, {{"person_id", message}});
            }
            if (store_.SpeakerOf(c, *input.person_id, unit.id)) {
                throw ServiceError(Kind::kConflict, person->second.full_name +
                                                        " đã có trong danh sách báo cáo viên của " + InName(unit.name) +
                                                        ".");
            }
            Speaker speaker;
            speaker.person_id = *input.person_id;
            speaker.unit_id = unit.id;
            speaker.active = input.active;
            speaker.topics = topics;
            speaker.id = store_.InsertSpeaker(c, speaker, now);
            Audit(c, actor, "outreach.speaker.create", "outreach_speaker", speaker.id, "null",
                  ToJson(*store_.FindSpeaker(c, speaker.id)), now);
            return speaker.id;
        });
    } catch (const db::Error& error) {
        if (IsUniqueViolation(error)) {
            throw ServiceError(Kind::kConflict, "Người này vừa được thêm vào danh sách báo cáo viên của cấp này.");
        }
        throw;
    }
}

void BodiesService::UpdateSpeaker(const org::Actor& actor, std::int64_t speaker_id, std::int64_t version,
                                  const SpeakerInput& input) {
    org::FieldErrors errors;
    auto topics = CleanTopics(input.topics, errors);
    std::int64_t now = clock_();
    database_.Write([&](db::Connection& c) {
        auto before = store_.FindSpeaker(c, speaker_id);
        if (!before) {
            throw ServiceError(Kind::kNotFound, "Không tìm thấy báo cáo viên.");
        }
        Require(actor, org::Permission::kOutreachWrite, LoadUnit(c, before->unit_id).path);
        org::ThrowIfInvalid(errors);
        Speaker after = *before;
        after.topics = topics;
        after.active = input.active;
        if (!store_.UpdateSpeaker(c, after, version, now)) {
            throw kStale;
        }
        Audit(c, actor, "outreach.speaker.update", "outreach_speaker", speaker_id, ToJson(*before),
              ToJson(*store_.FindSpeaker(c, speaker_id)), now);
    });
}

VacancyOverview BodiesService::Vacancies(const org::Principal& principal, std::int64_t unit_id, VacancyOrder order) {
    return database_.ReadValue([&](db::Connection& c) {
        VacancyOverview out;
        out.unit = LoadUnit(c, unit_id);
        Require(principal, org::Permission::kOutreachRead, out.unit.path);
        out.communes = store_.Vacancies(c, out.unit.path);
        for (const auto& line : out.communes) {
            out.without_committee += line.committee_id ? 0 : 1;
            out.without_full_time_deputy += line.committee_id && !line.has_full_time_deputy ? 1 : 0;
            out.villages_without_team += static_cast<std::int64_t>(line.villages_without_team.size());
            out.small_teams += static_cast<std::int64_t>(line.small_teams.size());
        }
        if (order == VacancyOrder::kGaps) {
            // Stable, so communes with as many gaps stay in Vietnamese order.
            std::stable_sort(out.communes.begin(), out.communes.end(),
                             [](const auto& a, const auto& b) { return a.Gaps() > b.Gaps(); });
        }
        return out;
    });
}

}  // namespace tuyenvan::outreach

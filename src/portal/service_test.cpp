#include "portal/service.hpp"

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <tuple>
#include <numeric>
#include <thread>

#include "platform/audit/audit_log.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/testing.hpp"
#include "platform/search/search.hpp"

namespace tuyenvan::portal {
namespace {

using Kind = org::ServiceError::Kind;

constexpr std::string_view kTree =
    "code,parent_code,level,kind,name,full_name,name_en\n"
    "10,,province,Tỉnh,Lào Cai,Tỉnh Lào Cai,Lao Cai\n"
    "082,10,district,Huyện,Bát Xát,Huyện Bát Xát,Bat Xat\n"
    "086,10,district,Huyện,Bảo Thắng,Huyện Bảo Thắng,Bao Thang\n";

constexpr std::int64_t kHour = 3600 * 1000;

// Runs `call` and checks it fails with `kind` (and, when given, a message for `field`).
template <typename F>
void ExpectError(F call, Kind kind, const std::string& field = "") {
    try {
        call();
        ADD_FAILURE() << "expected a ServiceError";
    } catch (const org::ServiceError& error) {
        EXPECT_EQ(error.GetKind(), kind) << error.what();
        if (!field.empty()) {
            bool found = false;
            for (const auto& [name, message] : error.Fields()) {
                found |= name == field && !message.empty();
            }
            EXPECT_TRUE(found) << "no message for " << field << ": " << error.what();
        }
    }
}

class PortalTest : public ::testing::TestWithParam<db::Engine> {
protected:
    void SetUp() override {
        db::Migrate(db_.Get());
        org_.ImportUnits(std::string(kTree), std::nullopt, std::nullopt);
        portal_.EnsureSchema();
        admin_ = SignIn("quantri", org::Role::kAdministrator, "10");
        province_site_ = portal_.CreateSite(As(admin_), UnitId("10"), "tinh-lao-cai", "Tỉnh ủy Lào Cai");
        district_site_ = portal_.CreateSite(As(admin_), UnitId("082"), "huyen-bat-xat", "Huyện ủy Bát Xát");
        news_ = portal_.CreateSection(As(admin_), district_site_, std::nullopt, "Tin tức");
        editor_ = SignIn("bientap.batxat", org::Role::kEditor, "082");
        contributor_ = SignIn("ctv.batxat", org::Role::kContributor, "082");
        other_contributor_ = SignIn("ctv2.batxat", org::Role::kContributor, "082");
        province_editor_ = SignIn("bientap.tinh", org::Role::kEditor, "10");
        // These editors also sit on their site's board, which publishes.
        portal_.GrantSiteRole(As(admin_), district_site_, "bientap.batxat", SiteRole::kBoard, std::nullopt);
        portal_.GrantSiteRole(As(admin_), province_site_, "bientap.tinh", SiteRole::kBoard, std::nullopt);
    }

    org::Principal SignIn(const std::string& login, org::Role role, const std::string& code) {
        org_.CreateAccountByCode(login, "mat-khau-du-dai-2026", role, code);
        return org_.SignIn(login, "mat-khau-du-dai-2026", "127.0.0.1").principal;
    }
    static org::Actor As(const org::Principal& principal) { return org::Actor{&principal, "127.0.0.1"}; }
    std::int64_t UnitId(const std::string& code) {
        return db_.Get().ReadValue(
            [&](db::Connection& c) { return c.Query("SELECT id FROM units WHERE code = $1", {code}).Int(0, 0); });
    }
    static ItemFields Fields(const std::string& title) {
        ItemFields fields;
        fields.genre = "tin";
        fields.title = title;
        fields.sapo = "Sáng nay, Huyện ủy Bát Xát tổ chức hội nghị.";
        fields.body_md = "Công tác **dân vận** ở xã A Mú Sung được triển khai đồng bộ.";
        fields.pen_name = "Thu Hà";
        return fields;
    }
    std::int64_t Draft(const org::Principal& author, const std::string& title = "Hội nghị tuyên vận huyện Bát Xát") {
        return portal_.CreateDraft(As(author), district_site_, news_, Fields(title));
    }
    // Drafted by the contributor, submitted and approved by the editor.
    std::int64_t Approved() {
        auto id = Draft(contributor_);
        portal_.Submit(As(contributor_), id);
        portal_.Approve(As(editor_), id);
        return id;
    }
    std::int64_t Published(const std::string& title = "Hội nghị tuyên vận huyện Bát Xát") {
        auto id = Draft(contributor_, title);
        portal_.Submit(As(contributor_), id);
        portal_.Approve(As(editor_), id);
        portal_.Publish(As(editor_), id, std::nullopt);
        return id;
    }
    // An uploaded file of a site, written directly: the upload path has its own tests.
    std::int64_t AddMedia(std::int64_t site_id, const std::string& kind, const std::string& name) {
        return db_.Get().WriteValue([&](db::Connection& c) {
            return c
                .Query("INSERT INTO media (site_id, kind, sha256, original_name, content_type, bytes, alt, created_at) "
                       "VALUES ($1, $2, 'x', $3, $4, 3, $5, $6) RETURNING id",
                       {site_id, kind, name, kind == "image" ? "image/jpeg" : "application/pdf", "Ảnh " + name, now_})
                .Int(0, 0);
        });
    }
    std::int64_t Generation(std::int64_t item_id) {
        return db_.Get().ReadValue([&](db::Connection& c) {
            auto rows = c.Query("SELECT generation FROM cache_generations WHERE scope = $1",
                                {"item:" + std::to_string(item_id)});
            return rows.Empty() ? std::int64_t{0} : rows.Int(0, 0);
        });
    }
    std::vector<std::string> Actions(std::int64_t id) {
        std::vector<std::string> actions;
        for (const auto& event : portal_.History(editor_, id)) {
            actions.push_back(event.action);
        }
        return actions;
    }
    std::vector<std::int64_t> Find(const std::string& text) {
        return db_.Get().ReadValue([&](db::Connection& c) {
            search::Query query;
            query.text = text;
            query.site_id = district_site_;
            std::vector<std::int64_t> ids;
            for (const auto& hit : search::Search(c, query).hits) {
                ids.push_back(hit.id);
            }
            return ids;
        });
    }

    std::int64_t now_ = 1700000000000;
    db::testing::TestDatabase db_{GetParam()};
    org::Service org_{db_.Get(), org::AuthOptions{}, [this] { return now_; }};
    Service portal_{db_.Get(), org_, [this] { return now_; }};
    org::Principal admin_, editor_, contributor_, other_contributor_, province_editor_;
    std::int64_t province_site_ = 0, district_site_ = 0, news_ = 0;
};

TEST_P(PortalTest, ItemGoesFromDraftThroughReturnToPublishedAndWithdrawn) {
    auto id = Draft(contributor_);
    now_ += 1000;
    portal_.Submit(As(contributor_), id);
    ExpectError([&] { portal_.Return(As(editor_), id, "  "); }, Kind::kInvalid, "comment");
    portal_.Return(As(editor_), id, "Bổ sung số liệu người tham dự.");
    auto returned = portal_.GetItem(contributor_, id);
    EXPECT_EQ(returned.status, ItemStatus::kReturned);

    auto fields = Fields("Hội nghị tuyên vận huyện Bát Xát năm 2026");
    fields.body_md += "\n\nCó 120 đại biểu tham dự.";
    portal_.UpdateDraft(As(contributor_), id, returned.version, fields);
    portal_.Submit(As(contributor_), id);
    portal_.Approve(As(editor_), id);
    EXPECT_TRUE(Find("dan van").empty()) << "approved is not published";
    now_ += kHour;
    portal_.Publish(As(editor_), id, std::nullopt);

    auto published = portal_.GetItem(editor_, id);
    EXPECT_EQ(published.status, ItemStatus::kPublished);
    EXPECT_EQ(published.published_at, now_);
    EXPECT_EQ(published.slug, "hoi-nghi-tuyen-van-huyen-bat-xat-nam-2026");
    EXPECT_NE(published.body_html.find("<strong>dân vận</strong>"), std::string::npos) << published.body_html;
    EXPECT_EQ(Find("dan van"), std::vector<std::int64_t>{id});
    EXPECT_EQ(Find("120 dai bieu"), std::vector<std::int64_t>{id});

    portal_.Withdraw(As(editor_), id, "Đính chính số liệu.");
    EXPECT_EQ(portal_.GetItem(editor_, id).status, ItemStatus::kWithdrawn);
    EXPECT_TRUE(Find("dan van").empty());

    auto history = portal_.History(contributor_, id);
    std::vector<std::string> actions;
    for (const auto& event : history) {
        actions.push_back(event.action);
    }
    EXPECT_EQ(actions, (std::vector<std::string>{"create", "submit", "return", "update", "submit", "approve",
                                                 "publish", "withdraw"}));
    EXPECT_EQ(history[2].actor_login, "bientap.batxat");
    EXPECT_EQ(history[2].from_status, ItemStatus::kSubmitted);
    EXPECT_EQ(history[2].to_status, ItemStatus::kReturned);
    EXPECT_EQ(history[2].comment, "Bổ sung số liệu người tham dự.");
    EXPECT_EQ(history[6].at, published.published_at);
    EXPECT_EQ(history.back().comment, "Đính chính số liệu.");

    std::vector<std::string> audited;
    db_.Get().Read([&](db::Connection& c) {
        for (const auto& entry : audit::Recent(c, 100)) {
            if (entry.change.entity == "item") {
                audited.push_back(entry.change.action);
            }
        }
    });
    EXPECT_EQ(audited.size(), 8u);
    EXPECT_EQ(audited.front(), "portal.item.withdraw");
    auto verification = audit::Verify(db_.Get());
    EXPECT_TRUE(verification.ok) << verification.problem;
}

TEST_P(PortalTest, ScheduledItemIsPublishedWhenItsTimeComesAndNotBefore) {
    auto id = Approved();
    std::int64_t at = now_ + 2 * kHour;
    portal_.Publish(As(editor_), id, at);
    auto scheduled = portal_.GetItem(editor_, id);
    EXPECT_EQ(scheduled.status, ItemStatus::kScheduled);
    EXPECT_EQ(scheduled.publish_at, at);
    EXPECT_FALSE(scheduled.published_at);

    EXPECT_EQ(portal_.PublishDue(at - 1), 0);
    EXPECT_EQ(portal_.GetItem(editor_, id).status, ItemStatus::kScheduled);
    EXPECT_TRUE(Find("tuyen van").empty());

    now_ = at + 30 * 1000;
    EXPECT_EQ(portal_.PublishDue(now_), 1);
    auto published = portal_.GetItem(editor_, id);
    EXPECT_EQ(published.status, ItemStatus::kPublished);
    EXPECT_EQ(published.published_at, at);
    EXPECT_FALSE(published.body_html.empty());
    EXPECT_EQ(Find("tuyen van"), std::vector<std::int64_t>{id});
    EXPECT_EQ(portal_.PublishDue(now_), 0) << "published once only";
    EXPECT_EQ(portal_.History(editor_, id).back().actor_login, "system");

    // A scheduled item may be taken down before it goes out.
    auto second = Approved();
    portal_.Publish(As(editor_), second, now_ + kHour);
    portal_.Withdraw(As(editor_), second, "");
    EXPECT_EQ(portal_.PublishDue(now_ + 2 * kHour), 0);
    EXPECT_EQ(portal_.GetItem(editor_, second).status, ItemStatus::kWithdrawn);
}

TEST_P(PortalTest, EditorialRolesHoldOnlyOnTheirOwnSite) {
    auto id = Draft(contributor_);
    portal_.Submit(As(contributor_), id);
    // A province editor has no say on the district's site, nor the district editor on the province's.
    ExpectError([&] { portal_.Approve(As(province_editor_), id); }, Kind::kForbidden);
    ExpectError([&] { portal_.GetItem(province_editor_, id); }, Kind::kForbidden);
    ExpectError([&] { portal_.CreateDraft(As(province_editor_), district_site_, news_, Fields("Tin tỉnh")); },
                Kind::kForbidden);
    auto province_sections = portal_.Sections(province_site_);
    ASSERT_EQ(province_sections.size(), 1u);
    ExpectError(
        [&] {
            portal_.CreateDraft(As(editor_), province_site_, province_sections[0].id, Fields("Tin huyện"));
        },
        Kind::kForbidden);
    ExpectError([&] { portal_.CreateSection(As(editor_), province_site_, std::nullopt, "Thời sự"); },
                Kind::kForbidden);
    ExpectError([&] { portal_.CreateSite(As(editor_), UnitId("082"), "bat-xat", "Bát Xát"); }, Kind::kForbidden);
    ExpectError([&] { portal_.ListItems(province_editor_, district_site_, {}); }, Kind::kForbidden);

    // A contributor neither approves nor publishes, even their own item.
    ExpectError([&] { portal_.Approve(As(contributor_), id); }, Kind::kForbidden);
    portal_.Approve(As(editor_), id);
    ExpectError([&] { portal_.Publish(As(contributor_), id, std::nullopt); }, Kind::kForbidden);
    ExpectError([&] { portal_.Withdraw(As(contributor_), id, ""); }, Kind::kForbidden);
    // Steps out of order are refused.
    ExpectError([&] { portal_.Submit(As(contributor_), id); }, Kind::kConflict);
    ExpectError([&] { portal_.Approve(As(editor_), id); }, Kind::kConflict);
    // An administrator of the province acts as an editor on every site below it.
    portal_.Publish(As(admin_), id, std::nullopt);
    EXPECT_EQ(portal_.GetItem(editor_, id).status, ItemStatus::kPublished);
    // A published item is revised by editors of its site only, never by its author.
    auto version = portal_.GetItem(editor_, id).version;
    ExpectError([&] { portal_.UpdateDraft(As(contributor_), id, version, Fields("Tác giả sửa bài đã đăng")); },
                Kind::kForbidden);
    ExpectError([&] { portal_.UpdateDraft(As(province_editor_), id, version, Fields("Tỉnh sửa bài huyện")); },
                Kind::kForbidden);
    EXPECT_FALSE(portal_.PendingRevision(editor_, id));
    portal_.Withdraw(As(editor_), id, "");
    ExpectError([&] { portal_.UpdateDraft(As(editor_), id, portal_.GetItem(editor_, id).version, Fields("Sửa")); },
                Kind::kConflict);
}

TEST_P(PortalTest, RolesHoldOnTheirSectionAndOnlyTheBoardPublishes) {
    auto culture = portal_.CreateSection(As(editor_), district_site_, std::nullopt, "Văn hóa");
    auto grassroots = portal_.CreateSection(As(editor_), district_site_, news_, "Tin cơ sở");
    // Accounts with no editorial grant on the unit: their roles come from the site's list only.
    auto culture_writer = SignIn("ctv.vanhoa", org::Role::kViewer, "082");
    auto news_editor = SignIn("bt.tintuc", org::Role::kViewer, "082");
    auto news_board = SignIn("bbt.tintuc", org::Role::kViewer, "082");
    auto plain_editor = SignIn("bt.batxat", org::Role::kEditor, "082");
    portal_.GrantSiteRole(As(editor_), district_site_, "ctv.vanhoa", SiteRole::kContributor, culture);
    portal_.GrantSiteRole(As(editor_), district_site_, "bt.tintuc", SiteRole::kEditor, news_);
    auto board_grant = portal_.GrantSiteRole(As(editor_), district_site_, "bbt.tintuc", SiteRole::kBoard, news_);

    // A section contributor writes for that section only.
    auto culture_item = portal_.CreateDraft(As(culture_writer), district_site_, culture, Fields("Lễ hội xuống đồng"));
    ExpectError([&] { portal_.CreateDraft(As(culture_writer), district_site_, news_, Fields("Tin khác")); },
                Kind::kForbidden, "section_id");
    EXPECT_EQ(portal_.Desk(culture_writer, district_site_).role, SiteRole::kNone);
    EXPECT_EQ(portal_.Desk(culture_writer, district_site_).Most(), SiteRole::kContributor);
    ExpectError([&] { portal_.Desk(culture_writer, province_site_); }, Kind::kForbidden);
    portal_.Submit(As(culture_writer), culture_item);

    // A section editor sees and decides the items of the section and of its subsections, and nothing else.
    auto news_item = Draft(contributor_, "Tin thời sự huyện");
    auto grassroots_item = portal_.CreateDraft(As(contributor_), district_site_, grassroots, Fields("Tin cơ sở xã"));
    portal_.Submit(As(contributor_), news_item);
    portal_.Submit(As(contributor_), grassroots_item);
    EXPECT_EQ(portal_.Desk(news_editor, district_site_).On(grassroots), SiteRole::kEditor);
    auto listed = portal_.ListItems(news_editor, district_site_, {});
    EXPECT_EQ(listed.total, 2);
    for (const auto& item : listed.items) {
        EXPECT_NE(item.id, culture_item);
    }
    ExpectError([&] { portal_.GetItem(news_editor, culture_item); }, Kind::kForbidden);
    ExpectError([&] { portal_.Approve(As(news_editor), culture_item); }, Kind::kForbidden);
    portal_.Approve(As(news_editor), grassroots_item);
    portal_.Approve(As(news_editor), news_item);

    // Editors approve; only the board publishes, withdraws and corrects.
    ExpectError([&] { portal_.Publish(As(news_editor), news_item, std::nullopt); }, Kind::kForbidden);
    ExpectError([&] { portal_.Publish(As(plain_editor), news_item, std::nullopt); }, Kind::kForbidden);
    portal_.Publish(As(news_board), news_item, std::nullopt);
    EXPECT_EQ(portal_.GetItem(editor_, news_item).status, ItemStatus::kPublished);
    ExpectError([&] { portal_.Withdraw(As(plain_editor), news_item, ""); }, Kind::kForbidden);
    // An editor's correction waits for the board.
    portal_.UpdateDraft(As(plain_editor), news_item, portal_.GetItem(editor_, news_item).version,
                        Fields("Tin thời sự huyện (đính chính)"));
    ExpectError([&] { portal_.PublishRevision(As(plain_editor), news_item, std::nullopt); }, Kind::kForbidden);
    ExpectError([&] { portal_.DiscardRevision(As(news_editor), news_item, std::nullopt); }, Kind::kForbidden);
    portal_.PublishRevision(As(news_board), news_item, std::nullopt);
    EXPECT_EQ(portal_.GetItem(editor_, news_item).title, "Tin thời sự huyện (đính chính)");
    // The section's board has no say on other sections, nor on the site's settings, sections or roles.
    portal_.Approve(As(plain_editor), culture_item);
    ExpectError([&] { portal_.Publish(As(news_board), culture_item, std::nullopt); }, Kind::kForbidden);
    ExpectError([&] { portal_.CreateSection(As(news_board), district_site_, std::nullopt, "Thể thao"); },
                Kind::kForbidden);
    ExpectError([&] { portal_.CreateSection(As(plain_editor), district_site_, std::nullopt, "Thể thao"); },
                Kind::kForbidden);
    ExpectError([&] { portal_.UpdateSite(As(plain_editor), district_site_, 1, SiteSettings{"Tên mới", "", "", {}}); },
                Kind::kForbidden);
    ExpectError(
        [&] { portal_.GrantSiteRole(As(plain_editor), district_site_, "ctv2.batxat", SiteRole::kBoard, std::nullopt); },
        Kind::kForbidden);

    // Bad grants are refused with a reason; a revoked role stops at once.
    ExpectError([&] { portal_.GrantSiteRole(As(editor_), district_site_, "khong-co", SiteRole::kEditor, news_); },
                Kind::kInvalid, "login");
    auto province_section = portal_.Sections(province_site_)[0].id;
    ExpectError(
        [&] { portal_.GrantSiteRole(As(editor_), district_site_, "bt.tintuc", SiteRole::kEditor, province_section); },
        Kind::kInvalid, "section_id");
    ExpectError([&] { portal_.GrantSiteRole(As(editor_), district_site_, "bt.tintuc", SiteRole::kEditor, news_); },
                Kind::kConflict);
    auto roles = portal_.SiteRoles(plain_editor, district_site_);
    auto held = [&](const std::string& login, SiteRole role) {
        return std::count_if(roles.begin(), roles.end(), [&](const SiteRoleGrant& grant) {
            return grant.account.login == login && grant.role == role;
        });
    };
    EXPECT_EQ(held("bbt.tintuc", SiteRole::kBoard), 1);
    EXPECT_EQ(held("bt.batxat", SiteRole::kEditor), 1) << "editors granted on the unit are listed too";
    EXPECT_EQ(held("ctv.batxat", SiteRole::kContributor), 1);
    ExpectError([&] { portal_.SiteRoles(culture_writer, district_site_); }, Kind::kForbidden);
    portal_.RevokeSiteRole(As(editor_), district_site_, board_grant);
    ExpectError([&] { portal_.Withdraw(As(news_board), news_item, ""); }, Kind::kForbidden);
    ExpectError([&] { portal_.RevokeSiteRole(As(editor_), district_site_, board_grant); }, Kind::kNotFound);
    std::int64_t audited = db_.Get().ReadValue([&](db::Connection& c) {
        std::int64_t count = 0;
        for (const auto& entry : audit::Recent(c, 200)) {
            count += entry.change.action.starts_with("portal.site_role.") ? 1 : 0;
        }
        return count;
    });
    EXPECT_EQ(audited, 2 + 3 + 1) << "two grants in SetUp, three here, one revoke";
}

TEST_P(PortalTest, ColumnStatisticsCountItemsAndViewsPerSiteUnitAndAuthor) {
    auto column = [&](std::int64_t site) {
        for (const auto& section : portal_.Sections(site)) {
            if (section.is_outreach) {
                return section.id;
            }
        }
        return std::int64_t{0};
    };
    std::int64_t district_column = column(district_site_);
    std::int64_t province_column = column(province_site_);
    auto publish = [&](std::int64_t section, const std::string& title, std::optional<std::int64_t> unit,
                       std::vector<std::int64_t> extra, const std::string& genre) {
        ItemFields fields = Fields(title);
        fields.genre = genre;
        fields.source_unit_id = unit;
        fields.extra_section_ids = std::move(extra);
        auto id = portal_.CreateDraft(As(contributor_), district_site_, section, fields);
        portal_.Submit(As(contributor_), id);
        portal_.Approve(As(editor_), id);
        portal_.Publish(As(editor_), id, std::nullopt);
        return id;
    };
    std::int64_t bao_thang = UnitId("086");
    auto shared = publish(district_column, "Bảo Thắng gửi tin lên tỉnh", bao_thang, {province_column}, "tin");
    publish(district_column, "Bài của Bảo Thắng", bao_thang, {}, "bai");
    publish(district_column, "Ảnh của Bảo Thắng", bao_thang, {}, "anh");
    auto own = publish(district_column, "Tin của huyện", std::nullopt, {}, "tin");
    publish(news_, "Tin ngoài chuyên mục", bao_thang, {}, "tin");
    db_.Get().Write([&](db::Connection& c) {
        for (auto [item, site, month, views] : {std::tuple{shared, district_site_, 202311, 10},
                                                std::tuple{shared, province_site_, 202311, 5},
                                                std::tuple{own, district_site_, 202310, 99}}) {
            c.Query("INSERT INTO item_view_months (item_id, site_id, month, views) VALUES ($1, $2, $3, $4)",
                    {item, site, std::int64_t{month}, std::int64_t{views}});
        }
    });

    // now_ is 15/11/2023 in Asia/Ho_Chi_Minh.
    auto stats = portal_.ColumnStats(admin_, 2023, 11);
    EXPECT_EQ(stats.items, 4) << "a shared item counts once; items outside the column not at all";
    EXPECT_EQ(stats.views, 15) << "views of other months do not count";
    ASSERT_EQ(stats.sites.size(), 2u);
    EXPECT_EQ(stats.sites[0].id, province_site_);
    EXPECT_EQ(stats.sites[0].items, 1);
    EXPECT_EQ(stats.sites[0].views, 5);
    EXPECT_EQ(stats.sites[1].items, 4);
    EXPECT_EQ(stats.sites[1].by_genre, (std::array<std::int64_t, 4>{2, 1, 1, 0}));
    ASSERT_EQ(stats.units.size(), 2u);
    EXPECT_EQ(stats.units[0].name, "Huyện Bảo Thắng");
    EXPECT_EQ(stats.units[0].items, 3);
    EXPECT_EQ(stats.units[0].views, 15);
    EXPECT_EQ(stats.units[1].name, "Huyện Bát Xát") << "no source unit: the unit of the item's site";
    ASSERT_EQ(stats.reward_by_items.size(), 1u) << "only units with at least three items";
    EXPECT_EQ(stats.reward_by_items[0].id, bao_thang);
    ASSERT_EQ(stats.authors.size(), 1u);
    EXPECT_EQ(stats.authors[0].items, 4);
    EXPECT_EQ(stats.authors[0].detail, "Thu Hà");
    EXPECT_EQ(portal_.ColumnStats(admin_, 2023, 10).items, 0);
    EXPECT_EQ(portal_.ColumnStats(admin_, 2023, 10).views, 99);

    // Each editor sees the column of their own site.
    auto province = portal_.ColumnStats(province_editor_, 2023, 11);
    ASSERT_EQ(province.sites.size(), 1u);
    EXPECT_EQ(province.items, 1);
    EXPECT_EQ(province.views, 5);
    ExpectError([&] { portal_.ColumnStats(contributor_, 2023, 11); }, Kind::kForbidden);
    ExpectError([&] { portal_.ColumnStats(admin_, 2023, 13); }, Kind::kInvalid);
}

TEST_P(PortalTest, ContributorsSeeOnlyTheirOwnItems) {
    auto mine = Draft(contributor_, "Bài của cộng tác viên một");
    auto theirs = Draft(other_contributor_, "Bài của cộng tác viên hai");
    portal_.Submit(As(contributor_), mine);
    ExpectError([&] { portal_.GetItem(other_contributor_, mine); }, Kind::kForbidden);
    ExpectError([&] { portal_.History(other_contributor_, mine); }, Kind::kForbidden);
    ExpectError([&] { portal_.UpdateDraft(As(contributor_), theirs, 2, Fields("Chiếm bài")); }, Kind::kForbidden);
    ExpectError([&] { portal_.Submit(As(editor_), mine); }, Kind::kForbidden);

    auto own = portal_.ListItems(other_contributor_, district_site_, {});
    ASSERT_EQ(own.total, 1);
    EXPECT_EQ(own.items[0].id, theirs);
    EXPECT_TRUE(own.items[0].body_md.empty()) << "lists carry no bodies";
    EXPECT_EQ(portal_.ListItems(editor_, district_site_, {}).total, 2);
    ItemQuery submitted;
    submitted.status = ItemStatus::kSubmitted;
    auto page = portal_.ListItems(editor_, district_site_, submitted);
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.items[0].id, mine);
    EXPECT_EQ(page.items[0].author_login, "ctv.batxat");
}

TEST_P(PortalTest, StaleVersionIsAConflictAndKeepsTheFirstEdit) {
    auto id = Draft(contributor_);
    portal_.Submit(As(contributor_), id);
    auto seen = portal_.GetItem(editor_, id);
    portal_.UpdateDraft(As(editor_), id, seen.version, Fields("Bản của biên tập viên"));
    try {
        portal_.UpdateDraft(As(editor_), id, seen.version, Fields("Bản cũ ghi đè"));
        FAIL() << "expected a conflict";
    } catch (const org::ServiceError& error) {
        EXPECT_EQ(error.GetKind(), Kind::kConflict);
        EXPECT_NE(std::string(error.what()).find("tải lại trang"), std::string::npos) << error.what();
    }
    auto stored = portal_.GetItem(editor_, id);
    EXPECT_EQ(stored.title, "Bản của biên tập viên");
    EXPECT_EQ(stored.version, seen.version + 1);
    // The author may no longer edit once the item is submitted: told so, nothing written.
    ExpectError([&] { portal_.UpdateDraft(As(contributor_), id, stored.version, Fields("Tác giả sửa")); },
                Kind::kConflict);
    EXPECT_EQ(portal_.GetItem(editor_, id).title, "Bản của biên tập viên");
}

TEST_P(PortalTest, InvalidFieldsAreRejectedWithFieldMessages) {
    auto fields = Fields("Tin hợp lệ");
    fields.genre = "phong-su";
    ExpectError([&] { portal_.CreateDraft(As(contributor_), district_site_, news_, fields); }, Kind::kInvalid, "genre");
    ExpectError([&] { portal_.CreateDraft(As(contributor_), district_site_, news_, Fields("   ")); }, Kind::kInvalid,
                "title");
    ExpectError([&] { portal_.CreateDraft(As(contributor_), district_site_, news_, Fields(std::string(301, 'a'))); },
                Kind::kInvalid, "title");
    fields = Fields("Tin hợp lệ");
    fields.sapo = std::string(1001, 's');
    ExpectError([&] { portal_.CreateDraft(As(contributor_), district_site_, news_, fields); }, Kind::kInvalid, "sapo");
    auto province_outreach = portal_.Sections(province_site_)[0].id;
    ExpectError(
        [&] { portal_.CreateDraft(As(contributor_), district_site_, province_outreach, Fields("Tin hợp lệ")); },
        Kind::kInvalid, "section_id");
    ExpectError([&] { portal_.CreateDraft(As(contributor_), district_site_, 999999, Fields("Tin hợp lệ")); },
                Kind::kInvalid, "section_id");

    // Shared into the province's "Thông tin tuyên vận" column: allowed; into another of its sections: not.
    auto province_news = portal_.CreateSection(As(province_editor_), province_site_, std::nullopt, "Thời sự");
    fields = Fields("Tin chia sẻ lên tỉnh");
    fields.extra_section_ids = {province_news};
    ExpectError([&] { portal_.CreateDraft(As(contributor_), district_site_, news_, fields); }, Kind::kInvalid,
                "extra_section_ids");
    fields.extra_section_ids = {province_outreach};
    auto shared = portal_.CreateDraft(As(contributor_), district_site_, news_, fields);
    EXPECT_EQ(portal_.GetItem(contributor_, shared).extra_section_ids, std::vector<std::int64_t>{province_outreach});

    // A title with no Latin letter or digit still gets a slug.
    auto id = portal_.CreateDraft(As(contributor_), district_site_, news_, Fields("……"));
    EXPECT_EQ(portal_.GetItem(contributor_, id).slug, "bai-viet");
    EXPECT_EQ(portal_.ListItems(editor_, district_site_, {}).total, 2) << "rejected drafts left nothing behind";
}

TEST_P(PortalTest, SitesAndSectionsHaveUniqueSlugs) {
    auto sections = portal_.Sections(district_site_);
    ASSERT_EQ(sections.size(), 2u);
    EXPECT_EQ(sections[0].slug, "thong-tin-tuyen-van");
    EXPECT_EQ(sections[0].name, "Thông tin tuyên vận");
    EXPECT_TRUE(sections[0].is_outreach);
    EXPECT_EQ(sections[1].slug, "tin-tuc");
    EXPECT_FALSE(sections[1].is_outreach);

    ExpectError([&] { portal_.CreateSection(As(editor_), district_site_, std::nullopt, "Tin tức"); },
                Kind::kConflict, "name");
    auto child = portal_.CreateSection(As(editor_), district_site_, news_, "Tin xã, thị trấn");
    EXPECT_EQ(portal_.Sections(district_site_).back().id, child);
    EXPECT_EQ(portal_.Sections(district_site_).back().parent_id, news_);
    EXPECT_GT(portal_.CreateSection(As(province_editor_), province_site_, std::nullopt, "Tin tức"), 0)
        << "the same slug on another site";
    ExpectError([&] { portal_.CreateSite(As(admin_), UnitId("086"), "huyen-bat-xat", "Bảo Thắng"); },
                Kind::kConflict, "slug");
    ExpectError([&] { portal_.CreateSite(As(admin_), UnitId("086"), "Bảo Thắng", "Bảo Thắng"); }, Kind::kInvalid,
                "slug");
    auto site = portal_.GetSite(portal_.CreateSite(org::Actor{}, UnitId("086"), "huyen-bao-thang", "Bảo Thắng"));
    EXPECT_EQ(site.slug, "huyen-bao-thang");
    EXPECT_FALSE(site.host);
    auto verification = audit::Verify(db_.Get());
    EXPECT_TRUE(verification.ok) << verification.problem;
}

TEST_P(PortalTest, EditOfAPublishedItemWaitsAsARevisionUntilAnEditorPublishesIt) {
    auto id = Published();
    auto online = portal_.GetItem(editor_, id);
    auto revisions = portal_.Revisions(editor_, id);
    ASSERT_EQ(revisions.size(), 1u) << "the text that went online is revision 1";
    EXPECT_EQ(revisions[0].number, 1);
    EXPECT_EQ(revisions[0].state, RevisionState::kApplied);
    EXPECT_EQ(revisions[0].account_login, "bientap.batxat");

    now_ += kHour;
    auto fields = Fields("Hội nghị tuyên vận huyện Bát Xát (đính chính)");
    fields.body_md = "Công tác **dân vận** ở xã A Mú Sung được triển khai đồng bộ.\n\nCó 150 đại biểu dự.";
    fields.tags = {"Đính chính"};
    portal_.UpdateDraft(As(editor_), id, online.version, fields);
    auto still = portal_.GetItem(editor_, id);
    EXPECT_EQ(still.title, online.title) << "readers keep the published text";
    EXPECT_EQ(still.body_html, online.body_html);
    EXPECT_EQ(still.updated_at, online.updated_at);
    EXPECT_EQ(still.version, online.version + 1);
    EXPECT_TRUE(Find("150 dai bieu").empty());
    auto pending = portal_.PendingRevision(contributor_, id);
    ASSERT_TRUE(pending);
    EXPECT_EQ(pending->number, 2);
    EXPECT_EQ(pending->state, RevisionState::kPending);
    EXPECT_EQ(pending->content.title, fields.title);
    EXPECT_EQ(pending->account_login, "bientap.batxat");

    // Saving again replaces the text waiting; a form built on an older version is refused.
    fields.body_md += "\n\nBuổi chiều, các đại biểu thăm mô hình.";
    portal_.UpdateDraft(As(editor_), id, still.version, fields);
    ExpectError([&] { portal_.UpdateDraft(As(admin_), id, still.version, Fields("Ghi đè bản sửa")); },
                Kind::kConflict);
    pending = portal_.PendingRevision(editor_, id);
    ASSERT_TRUE(pending);
    EXPECT_EQ(pending->number, 2) << "one pending revision per item";
    EXPECT_NE(pending->content.body_md.find("thăm mô hình"), std::string::npos);
    EXPECT_EQ(portal_.Revisions(editor_, id).size(), 2u);

    auto diff = portal_.CompareRevision(editor_, id, 2);
    EXPECT_TRUE(diff.against_online);
    ASSERT_EQ(diff.fields.size(), 3u);
    EXPECT_EQ(diff.fields[0].field, "title");
    ASSERT_EQ(diff.fields[0].diff.lines.size(), 2u);
    EXPECT_EQ(diff.fields[0].diff.lines[0].change, LineChange::kDeleted);
    EXPECT_EQ(diff.fields[0].diff.lines[1].text, fields.title);
    EXPECT_FALSE(diff.fields[1].diff.Changed()) << "the sapo did not change";
    std::vector<std::string> inserted;
    for (const auto& line : diff.fields[2].diff.lines) {
        if (line.change == LineChange::kInserted) {
            inserted.push_back(line.text);
        }
    }
    EXPECT_EQ(inserted, (std::vector<std::string>{"", "Có 150 đại biểu dự.", "", "Buổi chiều, các đại biểu thăm mô hình."}));
    EXPECT_TRUE(diff.revision.content.body_md.empty()) << "the diff carries no body";
    ExpectError([&] { portal_.CompareRevision(editor_, id, 9); }, Kind::kNotFound);
    ExpectError([&] { portal_.CompareRevision(province_editor_, id, 2); }, Kind::kForbidden);

    // Only an editor of the site publishes it, and only from the version they saw.
    ExpectError([&] { portal_.PublishRevision(As(contributor_), id, std::nullopt); }, Kind::kForbidden);
    ExpectError([&] { portal_.PublishRevision(As(province_editor_), id, std::nullopt); }, Kind::kForbidden);
    ExpectError([&] { portal_.PublishRevision(As(editor_), id, still.version); }, Kind::kConflict);
    auto generation = Generation(id);
    now_ += kHour;
    portal_.PublishRevision(As(editor_), id, still.version + 1);
    auto corrected = portal_.GetItem(editor_, id);
    EXPECT_EQ(corrected.title, fields.title);
    EXPECT_EQ(corrected.slug, "hoi-nghi-tuyen-van-huyen-bat-xat-dinh-chinh");
    EXPECT_EQ(corrected.status, ItemStatus::kPublished);
    EXPECT_EQ(corrected.published_at, online.published_at) << "a correction keeps the publication time";
    EXPECT_EQ(corrected.updated_at, now_);
    EXPECT_NE(corrected.body_html.find("Có 150 đại biểu dự."), std::string::npos) << corrected.body_html;
    EXPECT_EQ(corrected.tags, std::vector<std::string>{"Đính chính"});
    EXPECT_EQ(Find("150 dai bieu"), std::vector<std::int64_t>{id});
    EXPECT_GT(Generation(id), generation) << "public pages of the item are rebuilt";
    EXPECT_FALSE(portal_.PendingRevision(editor_, id));
    revisions = portal_.Revisions(editor_, id);
    ASSERT_EQ(revisions.size(), 2u);
    EXPECT_EQ(revisions[1].state, RevisionState::kApplied);
    EXPECT_EQ(revisions[1].decided_login, "bientap.batxat");
    EXPECT_EQ(revisions[1].decided_at, now_);
    diff = portal_.CompareRevision(editor_, id, 2);
    EXPECT_FALSE(diff.against_online);
    EXPECT_EQ(diff.against_number, 1);
    EXPECT_TRUE(diff.fields[0].diff.Changed());
    diff = portal_.CompareRevision(editor_, id, 1);
    EXPECT_FALSE(diff.against_number) << "the first text is compared with nothing";
    EXPECT_EQ(diff.fields[0].diff.lines.size(), 1u);
    ExpectError([&] { portal_.PublishRevision(As(editor_), id, std::nullopt); }, Kind::kConflict);

    // A dropped revision changes nothing online; a new one gets the next number.
    portal_.UpdateDraft(As(editor_), id, corrected.version, Fields("Bản sửa sẽ bị bỏ"));
    ExpectError([&] { portal_.DiscardRevision(As(contributor_), id, std::nullopt); }, Kind::kForbidden);
    ExpectError([&] { portal_.DiscardRevision(As(editor_), id, corrected.version); }, Kind::kConflict);
    portal_.DiscardRevision(As(editor_), id, corrected.version + 1);
    EXPECT_EQ(portal_.GetItem(editor_, id).title, fields.title);
    EXPECT_FALSE(portal_.PendingRevision(editor_, id));
    ExpectError([&] { portal_.DiscardRevision(As(editor_), id, std::nullopt); }, Kind::kConflict);
    portal_.UpdateDraft(As(editor_), id, portal_.GetItem(editor_, id).version, Fields("Bản sửa khi gỡ bài"));
    pending = portal_.PendingRevision(editor_, id);
    ASSERT_TRUE(pending);
    EXPECT_EQ(pending->number, 4);
    portal_.Withdraw(As(editor_), id, "Gỡ để kiểm tra.");
    EXPECT_FALSE(portal_.PendingRevision(editor_, id)) << "withdrawing drops the correction";
    std::vector<RevisionState> states;
    for (const auto& revision : portal_.Revisions(editor_, id)) {
        states.push_back(revision.state);
    }
    EXPECT_EQ(states, (std::vector<RevisionState>{RevisionState::kApplied, RevisionState::kApplied,
                                                  RevisionState::kDiscarded, RevisionState::kDiscarded}));
    EXPECT_EQ(Actions(id), (std::vector<std::string>{"create", "submit", "approve", "publish", "revise", "revise",
                                                     "correct", "revise", "discard", "revise", "withdraw"}));
    auto verification = audit::Verify(db_.Get());
    EXPECT_TRUE(verification.ok) << verification.problem;
}

TEST_P(PortalTest, TwoEditorsRevisingAtOnceGetOneRevisionAndOneConflict) {
    auto id = Published();
    auto version = portal_.GetItem(editor_, id).version;
    for (int round = 0; round < 3; ++round) {
        std::atomic<int> saved = 0, conflicts = 0;
        std::vector<std::thread> editors;
        for (const auto* who : {&editor_, &admin_}) {
            editors.emplace_back([&, who] {
                try {
                    portal_.UpdateDraft(As(*who), id, version, Fields("Bản sửa của " + who->login));
                    ++saved;
                } catch (const org::ServiceError& error) {
                    EXPECT_EQ(error.GetKind(), Kind::kConflict) << error.what();
                    ++conflicts;
                }
            });
        }
        for (auto& thread : editors) {
            thread.join();
        }
        EXPECT_EQ(saved.load(), 1);
        EXPECT_EQ(conflicts.load(), 1);
        auto pending = portal_.PendingRevision(editor_, id);
        ASSERT_TRUE(pending);
        EXPECT_EQ(pending->number, 2);
        EXPECT_EQ(pending->content.title, "Bản sửa của " + pending->account_login) << "nothing was mixed";
        version = portal_.GetItem(editor_, id).version;
    }
    EXPECT_EQ(portal_.Revisions(editor_, id).size(), 2u);
}

TEST_P(PortalTest, ItemsPublishedBeforeRevisionsGetTheirTextAsRevisionOne) {
    auto id = Published();
    db_.Get().Write([&](db::Connection& c) { c.Query("DELETE FROM item_revisions WHERE item_id = $1", {id}); });
    portal_.UpdateDraft(As(editor_), id, portal_.GetItem(editor_, id).version, Fields("Sửa bài đăng từ trước"));
    auto revisions = portal_.Revisions(editor_, id);
    ASSERT_EQ(revisions.size(), 2u);
    EXPECT_EQ(revisions[0].state, RevisionState::kApplied);
    EXPECT_FALSE(revisions[0].account_id);
    EXPECT_EQ(revisions[1].state, RevisionState::kPending);
    EXPECT_EQ(portal_.CompareRevision(editor_, id, 2).fields[0].diff.lines.size(), 2u);
}

TEST_P(PortalTest, GalleryAttachmentsAndRelatedItemsBelongToTheItemsSite) {
    auto picture = AddMedia(district_site_, "image", "a.jpg");
    auto second = AddMedia(district_site_, "image", "b.jpg");
    auto document = AddMedia(district_site_, "document", "ke-hoach.pdf");
    auto province_picture = AddMedia(province_site_, "image", "tinh.jpg");
    auto province_document = AddMedia(province_site_, "document", "tinh.pdf");
    auto related = Published("Bài đã đăng để liên quan");
    auto draft = Draft(contributor_, "Bản nháp chưa đăng");
    auto province_sections = portal_.Sections(province_site_);
    auto province_item = portal_.CreateDraft(As(province_editor_), province_site_, province_sections[0].id,
                                             Fields("Bài của tỉnh"));
    portal_.Submit(As(province_editor_), province_item);
    portal_.Approve(As(province_editor_), province_item);
    portal_.Publish(As(province_editor_), province_item, std::nullopt);

    auto with = [&](auto change) {
        auto fields = Fields("Bài có ảnh và tệp");
        change(fields);
        return fields;
    };
    auto create = [&](const ItemFields& fields) {
        return portal_.CreateDraft(As(contributor_), district_site_, news_, fields);
    };
    ExpectError([&] { create(with([&](ItemFields& f) { f.gallery_media_ids = {picture, document}; })); },
                Kind::kInvalid, "gallery_media_ids");
    ExpectError([&] { create(with([&](ItemFields& f) { f.gallery_media_ids = {province_picture}; })); },
                Kind::kInvalid, "gallery_media_ids");
    ExpectError([&] { create(with([&](ItemFields& f) { f.gallery_media_ids = {999999}; })); }, Kind::kInvalid,
                "gallery_media_ids");
    ExpectError([&] { create(with([&](ItemFields& f) { f.attachment_media_ids = {picture}; })); }, Kind::kInvalid,
                "attachment_media_ids");
    ExpectError([&] { create(with([&](ItemFields& f) { f.attachment_media_ids = {province_document}; })); },
                Kind::kInvalid, "attachment_media_ids");
    ExpectError([&] { create(with([&](ItemFields& f) { f.related_item_ids = {draft}; })); }, Kind::kInvalid,
                "related_item_ids");
    ExpectError([&] { create(with([&](ItemFields& f) { f.related_item_ids = {province_item}; })); }, Kind::kInvalid,
                "related_item_ids");
    ExpectError([&] { create(with([&](ItemFields& f) { f.related_item_ids.assign(11, 0); std::iota(f.related_item_ids.begin(), f.related_item_ids.end(), 1); })); },
                Kind::kInvalid, "related_item_ids");
    ExpectError([&] { create(with([&](ItemFields& f) { f.gallery_media_ids = {picture}; f.gallery_captions = {"a", "b"}; })); },
                Kind::kInvalid, "gallery_captions");
    ExpectError([&] { create(with([&](ItemFields& f) { f.gallery_media_ids = {picture}; f.gallery_captions = {std::string(501, 'c')}; })); },
                Kind::kInvalid, "gallery_captions");
    EXPECT_EQ(portal_.ListItems(contributor_, district_site_, {}).total, 2) << "nothing refused was stored";

    auto id = create(with([&](ItemFields& f) {
        f.gallery_media_ids = {second, picture, second};
        f.gallery_captions = {"  Ảnh thứ hai  ", "", "trùng"};
        f.attachment_media_ids = {document, document};
        f.related_item_ids = {related};
        f.featured_media_id = picture;
    }));
    auto item = portal_.GetItem(contributor_, id);
    EXPECT_EQ(item.gallery_media_ids, (std::vector<std::int64_t>{second, picture}));
    EXPECT_EQ(item.gallery_captions, (std::vector<std::string>{"Ảnh thứ hai", ""}));
    EXPECT_EQ(item.attachment_media_ids, std::vector<std::int64_t>{document});
    EXPECT_EQ(item.related_item_ids, std::vector<std::int64_t>{related});
    // What public pages read: item_media rows by role and position.
    auto stored = db_.Get().ReadValue([&](db::Connection& c) {
        auto rows = c.Query("SELECT media_id, role, position, caption FROM item_media WHERE item_id = $1 "
                            "ORDER BY role, position",
                            {id});
        std::vector<std::string> out;
        for (std::size_t i = 0; i < rows.Size(); ++i) {
            out.push_back(rows.String(i, 1) + ":" + rows.String(i, 0) + ":" + rows.String(i, 2) + ":" +
                          rows.String(i, 3));
        }
        return out;
    });
    EXPECT_EQ(stored, (std::vector<std::string>{"attachment:" + std::to_string(document) + ":0:",
                                                "gallery:" + std::to_string(second) + ":0:Ảnh thứ hai",
                                                "gallery:" + std::to_string(picture) + ":1:"}));
    ExpectError([&] { portal_.UpdateDraft(As(contributor_), id, item.version, with([&](ItemFields& f) { f.related_item_ids = {id}; })); },
                Kind::kInvalid, "related_item_ids");

    // The choices of the item form.
    auto images = portal_.SiteMedia(contributor_, district_site_, "image", 10);
    ASSERT_EQ(images.size(), 2u);
    EXPECT_EQ(images[0].id, second) << "newest first";
    EXPECT_EQ(images[0].alt, "Ảnh b.jpg");
    EXPECT_EQ(portal_.SiteMedia(contributor_, district_site_, "document", 10).size(), 1u);
    ExpectError([&] { portal_.SiteMedia(province_editor_, district_site_, "image", 10); }, Kind::kForbidden);
    auto found = portal_.FindMedia(contributor_, district_site_, {document, province_picture, picture});
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].url, "/media/" + std::to_string(document) + "/tai-ve");
    EXPECT_EQ(found[1].id, picture);
    auto choices = portal_.RelatedChoices(contributor_, district_site_, {draft, province_item}, 10);
    ASSERT_EQ(choices.size(), 1u);
    EXPECT_EQ(choices[0].id, related);

    // On a published item the gallery and attachments change with the revision, not before.
    portal_.Submit(As(contributor_), id);
    portal_.Approve(As(editor_), id);
    portal_.Publish(As(editor_), id, std::nullopt);
    auto online = portal_.GetItem(editor_, id);
    auto fields = EditableFields(online);
    fields.gallery_media_ids = {picture};
    fields.gallery_captions.clear();
    fields.attachment_media_ids.clear();
    fields.related_item_ids.clear();
    portal_.UpdateDraft(As(editor_), id, online.version, fields);
    EXPECT_EQ(portal_.GetItem(editor_, id).gallery_media_ids, (std::vector<std::int64_t>{second, picture}));
    EXPECT_EQ(portal_.PendingRevision(editor_, id)->content.gallery_media_ids, std::vector<std::int64_t>{picture});
    portal_.PublishRevision(As(editor_), id, std::nullopt);
    auto corrected = portal_.GetItem(editor_, id);
    EXPECT_EQ(corrected.gallery_media_ids, std::vector<std::int64_t>{picture});
    EXPECT_TRUE(corrected.attachment_media_ids.empty());
    EXPECT_TRUE(corrected.related_item_ids.empty());
    EXPECT_EQ(corrected.featured_media_id, picture);
}

TEST_P(PortalTest, AttachedDocumentGoesToTheItemOrToItsPendingRevision) {
    Upload pdf;
    pdf.file_name = "ke-hoach.pdf";
    pdf.bytes = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
    auto id = Draft(contributor_);
    auto stored = portal_.AttachDocument(As(contributor_), id, pdf);
    EXPECT_EQ(stored.kind, "document");
    EXPECT_EQ(portal_.GetItem(contributor_, id).attachment_media_ids, std::vector<std::int64_t>{stored.id});
    ExpectError([&] { portal_.AttachDocument(As(other_contributor_), id, pdf); }, Kind::kForbidden);
    Upload fake = pdf;
    fake.file_name = "ke-hoach.docx";
    ExpectError([&] { portal_.AttachDocument(As(contributor_), id, fake); }, Kind::kInvalid, "file");

    portal_.Submit(As(contributor_), id);
    ExpectError([&] { portal_.AttachDocument(As(contributor_), id, pdf); }, Kind::kConflict);
    portal_.Approve(As(editor_), id);
    portal_.Publish(As(editor_), id, std::nullopt);
    ExpectError([&] { portal_.AttachDocument(As(contributor_), id, pdf); }, Kind::kForbidden);
    auto second = portal_.AttachDocument(As(editor_), id, pdf);
    EXPECT_EQ(portal_.GetItem(editor_, id).attachment_media_ids, std::vector<std::int64_t>{stored.id});
    auto pending = portal_.PendingRevision(editor_, id);
    ASSERT_TRUE(pending);
    EXPECT_EQ(pending->content.attachment_media_ids, (std::vector<std::int64_t>{stored.id, second.id}));
    auto third = portal_.AttachDocument(As(editor_), id, pdf);
    EXPECT_EQ(portal_.PendingRevision(editor_, id)->content.attachment_media_ids,
              (std::vector<std::int64_t>{stored.id, second.id, third.id}));
    EXPECT_EQ(portal_.Revisions(editor_, id).size(), 2u);
    std::size_t documents = db_.Get().ReadValue([&](db::Connection& c) {
        return static_cast<std::size_t>(c.Query("SELECT COUNT(*) FROM media WHERE kind = 'document'").Int(0, 0));
    });
    EXPECT_EQ(documents, 3u) << "refused uploads stored nothing";
}

INSTANTIATE_TEST_SUITE_P(Engines, PortalTest, ::testing::ValuesIn(db::testing::EnginesUnderTest()),
                         [](const auto& info) { return db::testing::EngineName(info.param); });

}  // namespace
}  // namespace tuyenvan::portal

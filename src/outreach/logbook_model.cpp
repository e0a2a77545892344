#include "outreach/logbook_model.hpp"

namespace tuyenvan::outreach {

const std::vector<ActivityForm>& AllActivityForms() {
    static const std::vector<ActivityForm> kAll = {ActivityForm::kMeeting, ActivityForm::kHomeVisit,
                                                   ActivityForm::kLoudspeaker, ActivityForm::kCulturalEvent,
                                                   ActivityForm::kOnline};
    return kAll;
}

std::string_view ActivityFormName(ActivityForm form) {
    switch (form) {
        case ActivityForm::kMeeting: return "meeting";
        case ActivityForm::kHomeVisit: return "home_visit";
        case ActivityForm::kLoudspeaker: return "loudspeaker";
        case ActivityForm::kCulturalEvent: return "cultural_event";
        case ActivityForm::kOnline: return "online";
    }
    return "meeting";
}

std::string_view ActivityFormLabel(ActivityForm form) {
    switch (form) {
        case ActivityForm::kMeeting: return "Họp, sinh hoạt";
        case ActivityForm::kHomeVisit: return "Đến từng hộ gia đình";
        case ActivityForm::kLoudspeaker: return "Loa truyền thanh";
        case ActivityForm::kCulturalEvent: return "Văn hóa, văn nghệ";
        case ActivityForm::kOnline: return "Trực tuyến, mạng xã hội";
    }
    return "";
}

std::optional<ActivityForm> ParseActivityForm(std::string_view name) {
    for (ActivityForm form : AllActivityForms()) {
        if (ActivityFormName(form) == name) {
            return form;
        }
    }
    return std::nullopt;
}

}  // namespace tuyenvan::outreach

#include "platform/mail/smtp.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace tuyenvan::mail {
namespace {

struct Upload {
    const std::string* data;
    std::size_t offset = 0;
};

std::size_t ReadBody(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    std::size_t room = size * count;
    std::size_t left = upload->data->size() - upload->offset;
    std::size_t n = std::min(room, left);
    std::memcpy(buffer, upload->data->data() + upload->offset, n);
    upload->offset += n;
    return n;
}

int Progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    // A non-zero answer aborts the transfer with CURLE_ABORTED_BY_CALLBACK.
    return static_cast<std::atomic<bool>*>(user)->load() ? 1 : 0;
}

void GlobalInit() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

SmtpTransport::SmtpTransport(SmtpOptions options) : options_(std::move(options)) {
    if (!options_.url.starts_with("smtp://") && !options_.url.starts_with("smtps://")) {
        throw std::invalid_argument("SMTP URL must start with smtp:// or smtps://: " + options_.url);
    }
    GlobalInit();
}

void SmtpTransport::Send(const Envelope& envelope) {
    if (cancelled_) {
        throw SendError("Đã dừng gửi thư vì máy chủ đang tắt.", false);
    }
    std::unique_ptr<CURL, EasyDeleter> curl(curl_easy_init());
    if (!curl) {
        throw SendError("Không khởi tạo được libcurl.", false);
    }
    std::string from = "<" + envelope.from + ">";
    std::unique_ptr<curl_slist, ListDeleter> recipients(curl_slist_append(nullptr, ("<" + envelope.to + ">").c_str()));
    Upload upload{&envelope.data};
    char error[CURL_ERROR_SIZE] = {};
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, options_.url.c_str());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, ReadBody);
    curl_easy_setopt(h, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(envelope.data.size()));
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, Progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &cancelled_);
    if (options_.starttls) {
        curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    }
    if (!options_.user.empty()) {
        curl_easy_setopt(h, CURLOPT_USERNAME, options_.user.c_str());
        curl_easy_setopt(h, CURLOPT_PASSWORD, options_.password.c_str());
    }
    CURLcode result = curl_easy_perform(h);
    if (result == CURLE_OK) {
        return;
    }
    long code = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    std::string detail = error[0] != '\0' ? error : curl_easy_strerror(result);
    std::string message = "Không gửi được thư: " + detail;
    if (code > 0) {
        message += " (mã SMTP " + std::to_string(code) + ")";
    }
    // A 5xx answer to the envelope or the data is final; a refused sign-in is a setting to fix,
    // so it is retried like a network failure.
    bool permanent = code >= 500 && code < 600 && result != CURLE_LOGIN_DENIED;
    throw SendError(message, permanent);
}

}  // namespace tuyenvan::mail

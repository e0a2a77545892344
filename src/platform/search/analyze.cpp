#include "platform/search/analyze.hpp"
#include "platform/text/html.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <utility>

#include "platform/text/fold.hpp"
#include "platform/text/normalize.hpp"
#include "platform/text/utf8.hpp"

namespace tuyenvan::search::detail {
namespace {

// The classes must equal the FTS5 tokenizer's `categories 'L* N* Co M*'`, or a word indexed here
// would be split differently when FTS5 reads it back.
bool IsWordCharacter(char32_t c) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    switch (u_charType(static_cast<UChar32>(c))) {
        case U_UPPERCASE_LETTER:
        case U_LOWERCASE_LETTER:
        case U_TITLECASE_LETTER:
        case U_MODIFIER_LETTER:
        case U_OTHER_LETTER:
        case U_DECIMAL_DIGIT_NUMBER:
        case U_LETTER_NUMBER:
        case U_OTHER_NUMBER:
        case U_PRIVATE_USE_CHAR:
        case U_NON_SPACING_MARK:
        case U_ENCLOSING_MARK:
        case U_COMBINING_SPACING_MARK:
            return true;
        default:
            return false;
    }
}

// Walks the words of a well-formed text one at a time, so the snippet maker can stop early.
class TokenCursor {
public:
    explicit TokenCursor(std::string_view text) : text_(text) {}

    bool Next(Token& token) {
        while (pos_ < text_.size()) {
            std::size_t begin = pos_;
            token.exact.clear();
            while (pos_ < text_.size()) {
                text::Utf8Decoded decoded = text::DecodeUtf8(text_, pos_);
                if (decoded.code_point == text::kInvalidCodePoint || !IsWordCharacter(decoded.code_point)) {
                    break;
                }
                text::AppendUtf8(token.exact,
                                 static_cast<char32_t>(u_tolower(static_cast<UChar32>(decoded.code_point))));
                pos_ += decoded.length;
            }
            if (pos_ == begin) {
                pos_ += text::DecodeUtf8(text_, pos_).length;
                continue;
            }
            if (token.exact.size() > kMaxTokenBytes) {
                continue;
            }
            token.folded = text::Fold(text_.substr(begin, pos_ - begin));
            if (token.folded.empty()) {
                continue;
            }
            token.begin = begin;
            token.end = pos_;
            return true;
        }
        return false;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

void AppendFtsWord(std::string& out, std::string_view word) {
    out += '"';
    for (char c : word) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
}

void AppendTsLexeme(std::string& out, std::string_view word) {
    out += '\'';
    for (char c : word) {
        if (c == '\'' || c == '\\') {
            out += c;
        }
        out += c;
    }
    out += '\'';
}

const std::vector<std::string>& Words(const Term& term, bool exact) {
    return exact ? term.exact : term.folded;
}

bool OnlySpaces(std::string_view gap) {
    return std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// Words of a text with the ones that belong to a term occurrence flagged.
struct MarkedText {
    std::vector<Token> tokens;
    std::vector<bool> marked;
    std::size_t first_match = static_cast<std::size_t>(-1);
};

// Marks occurrences of the terms in the words read so far; a phrase is marked when its last word arrives.
void MarkEndingAt(MarkedText& marked, const std::vector<Term>& terms) {
    std::size_t last = marked.tokens.size() - 1;
    for (const Term& term : terms) {
        std::size_t n = term.folded.size();
        if (n == 0 || n > last + 1) {
            continue;
        }
        std::size_t start = last + 1 - n;
        bool match = true;
        for (std::size_t k = 0; k < n && match; ++k) {
            match = marked.tokens[start + k].folded == term.folded[k];
        }
        if (match) {
            for (std::size_t k = start; k <= last; ++k) {
                marked.marked[k] = true;
            }
            marked.first_match = std::min(marked.first_match, start);
        }
    }
}

// Escaped text of tokens [from, to) and the gaps between them, consecutive marked words sharing one <mark>.
void RenderTokens(std::string& out, std::string_view text, const MarkedText& marked, std::size_t from, std::size_t to) {
    bool open = false;
    std::size_t pos = marked.tokens[from].begin;
    for (std::size_t i = from; i < to; ++i) {
        const Token& token = marked.tokens[i];
        std::string_view gap = text.substr(pos, token.begin - pos);
        if (open && (!marked.marked[i] || !OnlySpaces(gap))) {
            out += "</mark>";
            open = false;
        }
        tuyenvan::text::AppendEscapedHtml(out, gap);
        if (marked.marked[i] && !open) {
            out += "<mark>";
            open = true;
        }
        tuyenvan::text::AppendEscapedHtml(out, text.substr(token.begin, token.end - token.begin));
        pos = token.end;
    }
    if (open) {
        out += "</mark>";
    }
}

}  // namespace

std::string Normalize(std::string_view utf8) {
    return text::ToNfc(text::ToValidUtf8(utf8));
}

std::vector<Token> Tokenize(std::string_view nfc_text, std::size_t max_tokens) {
    std::vector<Token> tokens;
    TokenCursor cursor(nfc_text);
    Token token;
    while (tokens.size() < max_tokens && cursor.Next(token)) {
        tokens.push_back(token);
    }
    return tokens;
}

std::string JoinExact(const std::vector<Token>& tokens) {
    std::string out;
    for (const Token& token : tokens) {
        if (!out.empty()) {
            out += ' ';
        }
        out += token.exact;
    }
    return out;
}

std::string JoinFolded(const std::vector<Token>& tokens) {
    std::string out;
    for (const Token& token : tokens) {
        if (!out.empty()) {
            out += ' ';
        }
        out += token.folded;
    }
    return out;
}

std::vector<Term> ParseQuery(std::string_view input) {
    std::string_view bounded = input.substr(0, std::min(input.size(), kMaxQueryBytes));
    std::string text = Normalize(bounded);
    std::vector<Term> terms;
    auto add = [&terms](Term term) {
        if (terms.size() >= kMaxTerms) {
            return;
        }
        for (const Term& existing : terms) {
            if (existing.folded == term.folded && existing.exact == term.exact) {
                return;
            }
        }
        for (std::size_t k = 0; k < term.folded.size(); ++k) {
            term.accented = term.accented || term.folded[k] != term.exact[k];
        }
        terms.push_back(std::move(term));
    };
    bool quoted = false;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t quote = text.find('"', pos);
        std::size_t end = quote == std::string::npos ? text.size() : quote;
        std::vector<Token> words = Tokenize(std::string_view(text).substr(pos, end - pos));
        if (quoted) {
            Term phrase;
            for (std::size_t k = 0; k < words.size() && k < kMaxPhraseWords; ++k) {
                phrase.folded.push_back(std::move(words[k].folded));
                phrase.exact.push_back(std::move(words[k].exact));
            }
            if (!phrase.folded.empty()) {
                add(std::move(phrase));
            }
        } else {
            for (Token& word : words) {
                add(Term{{std::move(word.folded)}, {std::move(word.exact)}, false});
            }
        }
        if (quote == std::string::npos) {
            break;
        }
        quoted = !quoted;
        pos = quote + 1;
    }
    return terms;
}

std::string Fts5Expression(const std::vector<Term>& terms, std::string_view columns, bool exact) {
    std::string out(columns);
    out += columns.empty() ? "(" : " : (";
    for (std::size_t t = 0; t < terms.size(); ++t) {
        if (t > 0) {
            out += " AND ";
        }
        const auto& words = Words(terms[t], exact);
        for (std::size_t k = 0; k < words.size(); ++k) {
            if (k > 0) {
                out += " + ";
            }
            AppendFtsWord(out, words[k]);
        }
    }
    out += ')';
    return out;
}

std::string TsQuery(const std::vector<Term>& terms, bool exact) {
    std::string out;
    for (std::size_t t = 0; t < terms.size(); ++t) {
        if (t > 0) {
            out += " & ";
        }
        const auto& words = Words(terms[t], exact);
        out += "( ";
        for (std::size_t k = 0; k < words.size(); ++k) {
            if (k > 0) {
                out += " <-> ";
            }
            AppendTsLexeme(out, words[k]);
        }
        out += " )";
    }
    return out;
}

std::string TsVector(const std::vector<Token>& title, const std::vector<Token>& body, bool exact) {
    // PostgreSQL keeps positions 1..16383 and at most 256 of them per lexeme.
    constexpr std::size_t kMaxPosition = 16383;
    constexpr std::size_t kMaxPositions = 256;
    constexpr std::size_t kTitleBodyGap = 100;
    std::map<std::string_view, std::vector<std::pair<std::size_t, char>>> lexemes;
    auto add = [&](const std::vector<Token>& tokens, std::size_t first, char weight) {
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            auto& positions = lexemes[exact ? tokens[i].exact : tokens[i].folded];
            std::size_t position = std::min(first + i, kMaxPosition);
            if (positions.size() < kMaxPositions && (positions.empty() || positions.back().first != position)) {
                positions.emplace_back(position, weight);
            }
        }
    };
    add(title, 1, 'A');
    add(body, title.size() + kTitleBodyGap, 'B');
    std::string out;
    for (const auto& [lexeme, positions] : lexemes) {
        if (!out.empty()) {
            out += ' ';
        }
        AppendTsLexeme(out, lexeme);
        for (std::size_t i = 0; i < positions.size(); ++i) {
            out += i == 0 ? ':' : ',';
            out += std::to_string(positions[i].first);
            out += positions[i].second;
        }
    }
    return out;
}

std::string HighlightAll(std::string_view raw, const std::vector<Term>& terms) {
    std::string text = Normalize(raw);
    MarkedText marked;
    TokenCursor cursor(text);
    Token token;
    while (cursor.Next(token)) {
        marked.tokens.push_back(token);
        marked.marked.push_back(false);
        MarkEndingAt(marked, terms);
    }
    std::string out;
    if (marked.tokens.empty()) {
        tuyenvan::text::AppendEscapedHtml(out, text);
        return out;
    }
    tuyenvan::text::AppendEscapedHtml(out, std::string_view(text).substr(0, marked.tokens.front().begin));
    RenderTokens(out, text, marked, 0, marked.tokens.size());
    tuyenvan::text::AppendEscapedHtml(out, std::string_view(text).substr(marked.tokens.back().end));
    return out;
}

std::string Snippet(std::string_view raw, const std::vector<Term>& terms, std::size_t words) {
    constexpr std::size_t kWordsBefore = 8;
    // A hit matched only in its title would otherwise read its whole body looking for a word.
    constexpr std::size_t kMaxWordsScanned = 5000;
    std::string text = Normalize(raw);
    MarkedText marked;
    TokenCursor cursor(text);
    Token token;
    bool more = false;
    // Read only as far as the window needs: bodies can be long and most of them are never shown.
    while (cursor.Next(token)) {
        std::size_t anchor = marked.first_match == static_cast<std::size_t>(-1) ? 0 : marked.first_match;
        std::size_t window_end = (anchor > kWordsBefore ? anchor - kWordsBefore : 0) + words;
        bool searching = marked.first_match == static_cast<std::size_t>(-1);
        if ((!searching && marked.tokens.size() >= window_end) || marked.tokens.size() >= kMaxWordsScanned) {
            more = true;
            break;
        }
        marked.tokens.push_back(token);
        marked.marked.push_back(false);
        MarkEndingAt(marked, terms);
    }
    std::string out;
    if (marked.tokens.empty()) {
        return out;
    }
    std::size_t anchor = marked.first_match == static_cast<std::size_t>(-1) ? 0 : marked.first_match;
    std::size_t from = anchor > kWordsBefore ? anchor - kWordsBefore : 0;
    std::size_t to = std::min(marked.tokens.size(), from + words);
    more = more || to < marked.tokens.size();
    // Punctuation before the first word and after the last one is kept when short (a full stop, a
    // quotation mark); a long run of it is no help to the reader.
    constexpr std::size_t kMaxEdgeBytes = 32;
    std::string_view head = std::string_view(text).substr(0, marked.tokens[from].begin);
    std::string_view tail = std::string_view(text).substr(marked.tokens[to - 1].end);
    if (from > 0 || head.size() > kMaxEdgeBytes) {
        out += "… ";
    } else {
        tuyenvan::text::AppendEscapedHtml(out, head);
    }
    RenderTokens(out, text, marked, from, to);
    if (more || tail.size() > kMaxEdgeBytes) {
        out += " …";
    } else {
        tuyenvan::text::AppendEscapedHtml(out, tail);
    }
    return out;
}

}  // namespace tuyenvan::search::detail

#pragma once

/// @file Text analysis shared by both search engines: tokens, query parsing and highlighting.
///
/// Both engines index tokens cut here, not by their own parsers, so a word means the same thing in
/// SQLite FTS5, in PostgreSQL tsvectors and in the highlighter.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tuyenvan::search::detail {

/// One word of a text: where it sits in the (NFC) text and its two searchable forms.
struct Token {
    /// Byte offset of the word in the analysed text.
    std::size_t begin = 0;
    /// Byte offset one past the word.
    std::size_t end = 0;
    /// Lowercased with its diacritics kept: "Tuyển" → "tuyển".
    std::string exact;
    /// text::Fold of the word: "Tuyển" → "tuyen", "Đảng" → "dang".
    std::string folded;
};

/// Words longer than this (in bytes) are neither indexed nor searched: they are garbage, and
/// PostgreSQL rejects lexemes above 2 KiB.
inline constexpr std::size_t kMaxTokenBytes = 120;

/// Splits `nfc_text` (well-formed NFC UTF-8) into words: runs of letters, digits, marks and
/// private-use characters, the same classes the FTS5 table's tokenizer keeps. Stops after
/// `max_tokens` words.
std::vector<Token> Tokenize(std::string_view nfc_text, std::size_t max_tokens = static_cast<std::size_t>(-1));

/// Text made safe for indexing: ill-formed UTF-8 replaced, then NFC.
std::string Normalize(std::string_view utf8);

/// The words of a text in one form joined by single spaces, ready for the FTS5 tokenizer.
std::string JoinExact(const std::vector<Token>& tokens);
/// As JoinExact, with the folded forms.
std::string JoinFolded(const std::vector<Token>& tokens);

/// One required part of a query: a single word, or a quoted phrase whose words must be adjacent.
struct Term {
    /// Folded words in order; one element for a single word.
    std::vector<std::string> folded;
    /// The same words lowercased with their diacritics.
    std::vector<std::string> exact;
    /// True when the user typed diacritics (or đ) in it, so exact matches earn a ranking bonus.
    bool accented = false;
};

/// Upper bounds that keep a hostile query cheap.
inline constexpr std::size_t kMaxQueryBytes = 512;
inline constexpr std::size_t kMaxTerms = 12;
inline constexpr std::size_t kMaxPhraseWords = 12;

/// Parses user input: text in double quotes is a phrase (an unclosed quote runs to the end), every
/// other word is a term of its own; all terms are required. Anything that is not a word (operators,
/// punctuation, ill-formed bytes) is ignored, so no input can produce a syntax error downstream.
/// Duplicate terms are dropped. An empty result means the query finds nothing.
std::vector<Term> ParseQuery(std::string_view input);

/// FTS5 expression over `columns` ("{a b}", or "" for every column) requiring every term:
/// `{a b} : ("w1" AND "w2 w3")`.
/// Every word is quoted, so FTS5 operators in the input are plain words or gone.
std::string Fts5Expression(const std::vector<Term>& terms, std::string_view columns, bool exact);

/// PostgreSQL tsquery text requiring every term: `'w1' & ( 'w2' <-> 'w3' )`.
std::string TsQuery(const std::vector<Term>& terms, bool exact);

/// A tsvector literal of the words of a title (weight A) and a body (weight B), in one form.
/// Positions follow the words; the body starts well after the title so no phrase spans both.
std::string TsVector(const std::vector<Token>& title, const std::vector<Token>& body, bool exact);

/// HTML-escapes `text` (& < > " ') onto `out`.
void AppendEscaped(std::string& out, std::string_view text);

/// The whole of `text` HTML-escaped, with every occurrence of a term wrapped in <mark>…</mark>.
std::string HighlightAll(std::string_view text, const std::vector<Term>& terms);

/// About `words` words of `text` around its first term occurrence (its start when none), escaped and
/// marked like HighlightAll, with "…" where text was cut.
std::string Snippet(std::string_view text, const std::vector<Term>& terms, std::size_t words = 30);

}  // namespace tuyenvan::search::detail

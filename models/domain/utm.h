#pragma once

#include <QString>

#include <optional>

namespace mikomi::utm {

// The UTM parameters of a landing URL (utm_source, utm_medium, utm_campaign, utm_content,
// utm_term), percent-decoded and trimmed.
struct Fields {
    QString source;
    QString medium;
    QString campaign;
    QString content;
    QString term;
    bool operator==(const Fields &) const = default;
};

// Parses a pasted URL (with or without scheme, e.g. "example.jp/?utm_source=google"); nullopt
// when it carries no utm_ parameter at all.
std::optional<Fields> parse(const QString &url);

} // namespace mikomi::utm

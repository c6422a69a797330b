#include "models/domain/utm.h"

#include <QUrl>
#include <QUrlQuery>

namespace mikomi::utm {

std::optional<Fields> parse(const QString &input) {
    QString s = input.trimmed();
    const qsizetype q = s.indexOf(QLatin1Char('?'));
    if (q < 0)
        return std::nullopt;
    QString query = s.mid(q + 1);
    const qsizetype hash = query.indexOf(QLatin1Char('#'));
    if (hash >= 0)
        query.truncate(hash);
    const QUrlQuery uq(query);
    Fields f;
    bool any = false;
    const auto items = uq.queryItems(QUrl::FullyDecoded);
    for (const auto &[rawKey, rawValue] : items) {
        const QString key = rawKey.trimmed().toLower();
        QString value = rawValue;
        value.replace(QLatin1Char('+'), QLatin1Char(' '));
        value = value.trimmed();
        QString *target = nullptr;
        if (key == QLatin1String("utm_source"))
            target = &f.source;
        else if (key == QLatin1String("utm_medium"))
            target = &f.medium;
        else if (key == QLatin1String("utm_campaign"))
            target = &f.campaign;
        else if (key == QLatin1String("utm_content"))
            target = &f.content;
        else if (key == QLatin1String("utm_term"))
            target = &f.term;
        if (target) {
            *target = value;
            any = true;
        }
    }
    if (!any)
        return std::nullopt;
    return f;
}

} // namespace mikomi::utm

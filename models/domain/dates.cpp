#include "models/domain/dates.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace mikomi::dates {

QString toIsoDate(const QDate &d) {
    return d.toString(Qt::ISODate);
}

QString toIsoDateTime(const QDateTime &t) {
    if (!t.isValid())
        return {};
    QDateTime withOffset = t;
    if (t.timeSpec() == Qt::LocalTime)
        withOffset = t.toOffsetFromUtc(t.offsetFromUtc());
    return withOffset.toString(Qt::ISODate);
}

std::optional<QDate> fromIsoDate(const QString &s) {
    const QDate d = QDate::fromString(s.left(10), Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

std::optional<QDateTime> fromIsoDateTime(const QString &s) {
    if (s.size() == 10) {
        const auto d = fromIsoDate(s);
        if (!d)
            return std::nullopt;
        return QDateTime(*d, QTime(0, 0));
    }
    const QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    return t;
}

std::optional<QDateTime> parseUserDateTime(const QString &input) {
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$)"));
    const QString s = input.normalized(QString::NormalizationForm_KC).trimmed();
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!d.isValid())
        return std::nullopt;
    QTime t(0, 0);
    if (m.hasCaptured(4) && !m.captured(4).isEmpty()) {
        t = QTime(m.captured(4).toInt(), m.captured(5).toInt(),
                  m.captured(6).isEmpty() ? 0 : m.captured(6).toInt());
        if (!t.isValid())
            return std::nullopt;
    }
    return QDateTime(d, t);
}

std::optional<QDate> parseUserDate(const QString &s) {
    const auto t = parseUserDateTime(s);
    if (!t)
        return std::nullopt;
    return t->date();
}

} // namespace mikomi::dates

#include "models/storage/leadquery.h"

#include "models/domain/dates.h"
#include "models/storage/leadsearch.h"
#include "models/storage/sql.h"
#include "models/text/normalize.h"

namespace mikomi::storage {
namespace {

QString temperatureSql() {
    return QStringLiteral("coalesce(l.temperature_override, CASE WHEN l.score >= %1 THEN 'hot' "
                          "WHEN l.score >= %2 THEN 'warm' ELSE 'cold' END)")
        .arg(HotScore)
        .arg(WarmScore);
}

QString stageOrderSql() {
    return QStringLiteral("CASE l.stage WHEN 'inquiry' THEN 0 WHEN 'mql' THEN 1 WHEN 'sql' THEN 2 "
                          "WHEN 'opportunity' THEN 3 ELSE 4 END");
}

QString orderBy(LeadSort sort, bool asc) {
    const QString d = asc ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QStringList keys;
    switch (sort) {
    case LeadSort::Company:
        keys = {QStringLiteral("l.company_reading"), QStringLiteral("l.company_key")};
        break;
    case LeadSort::Person:
    case LeadSort::Reading:
        keys = {QStringLiteral("l.reading_key")};
        break;
    case LeadSort::Stage:
        keys = {stageOrderSql()};
        break;
    case LeadSort::Temperature:
        keys = {QStringLiteral("CASE %1 WHEN 'hot' THEN 0 WHEN 'warm' THEN 1 ELSE 2 END")
                    .arg(temperatureSql())};
        break;
    case LeadSort::Source:
        keys = {QStringLiteral("coalesce(s.name, '')")};
        break;
    case LeadSort::Owner:
        keys = {QStringLiteral("coalesce(u.name, '')")};
        break;
    case LeadSort::Score:
        keys = {QStringLiteral("l.score")};
        break;
    case LeadSort::Created:
        keys = {QStringLiteral("l.created_at")};
        break;
    }
    keys << QStringLiteral("l.id");
    return QStringLiteral(" ORDER BY ") + keys.join(d + QStringLiteral(", ")) + d;
}

QString ftsPhrase(const QString &s) {
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

bool phoneLike(const QString &token) {
    int digits = 0;
    for (const QChar c : token) {
        if (c.isDigit())
            ++digits;
        else if (!(c == QLatin1Char('-') || c == QLatin1Char('(') || c == QLatin1Char(')') ||
                   c == QLatin1Char('+') || c == QLatin1Char('.') || c.unicode() == 0x2212 ||
                   (c.unicode() >= 0x2010 && c.unicode() <= 0x2015) || c.unicode() == 0x30FC))
            return false;
    }
    return digits >= 2;
}

} // namespace

LeadQuery::SearchPlan LeadQuery::planSearch(const QString &search) {
    SearchPlan plan;
    QStringList ands;
    const QStringList tokens = text::foldKey(search).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        QStringList variants{token};
        const auto add = [&variants](const QString &v) {
            if (!v.isEmpty() && !variants.contains(v))
                variants << v;
        };
        add(text::toHiragana(token));
        add(text::toKatakana(token));
        if (phoneLike(token)) {
            QString digits;
            for (const QChar c : token) {
                if (c.isDigit())
                    digits.append(c);
            }
            variants = {digits};
        } else {
            add(text::companyKey(token));
        }
        bool shortToken = false;
        for (const QString &v : std::as_const(variants))
            shortToken = shortToken || v.size() < 3;
        if (shortToken) {
            QStringList likes;
            for (const QString &v : std::as_const(variants))
                likes << QLatin1Char('%') + text::escapeLike(v) + QLatin1Char('%');
            plan.likes << likes;
        } else {
            QStringList ors;
            for (const QString &v : std::as_const(variants))
                ors << ftsPhrase(v);
            ands << QLatin1Char('(') + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        }
    }
    plan.match = ands.join(QStringLiteral(" AND "));
    return plan;
}

QString LeadQuery::where(const LeadFilter &f, QVariantList &binds) const {
    QStringList conds;
    if (f.stage) {
        conds << QStringLiteral("l.stage = ?");
        binds << stageKey(*f.stage);
    }
    if (f.lostOnly)
        conds << QStringLiteral("l.lost = 1");
    if (f.sourceId > 0) {
        conds << QStringLiteral("l.source_id = ?");
        binds << f.sourceId;
    }
    if (f.category) {
        conds << QStringLiteral("l.source_id IN (SELECT id FROM sources WHERE category = ?)");
        binds << categoryKey(*f.category);
    }
    if (f.ownerId > 0) {
        conds << QStringLiteral("l.owner_id = ?");
        binds << f.ownerId;
    }
    if (f.temperature) {
        conds << temperatureSql() + QStringLiteral(" = ?");
        binds << temperatureKey(*f.temperature);
    }
    if (f.createdFrom) {
        conds << QStringLiteral("l.created_at >= ?");
        binds << dates::toIsoDate(*f.createdFrom);
    }
    if (f.createdTo) {
        conds << QStringLiteral("l.created_at < ?");
        binds << dates::toIsoDate(f.createdTo->addDays(1));
    }
    const SearchPlan plan = planSearch(f.search);
    if (!plan.match.isEmpty()) {
        conds << QStringLiteral("l.id IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?)");
        binds << plan.match;
    }
    // Short tokens: LIKE on the same text, row by row in the list's order, so the first page
    // stops as soon as it is full.
    const QString text = leadSearchTextSql(QStringLiteral("l"));
    for (const QStringList &likes : plan.likes) {
        QStringList ors;
        for (const QString &p : likes) {
            ors << QStringLiteral("(%1) LIKE ? ESCAPE '\\'").arg(text);
            binds << p;
        }
        conds << QLatin1Char('(') + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    return conds.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + conds.join(QStringLiteral(" AND "));
}

Result<QList<LeadRow>> LeadQuery::rows(const LeadFilter &filter, LeadSort sort, bool ascending,
                                       int offset, int limit) const {
    QVariantList binds;
    const QString sql =
        QStringLiteral("SELECT l.id, l.company, l.family_name, l.given_name, l.family_reading, "
                       "l.given_reading, l.email, l.phone, l.stage, l.lost, %1, "
                       "coalesce(s.name, ''), coalesce(u.name, ''), l.score, l.created_at "
                       "FROM leads l LEFT JOIN sources s ON s.id = l.source_id "
                       "LEFT JOIN users u ON u.id = l.owner_id")
            .arg(temperatureSql()) +
        where(filter, binds) + orderBy(sort, ascending) + QStringLiteral(" LIMIT ? OFFSET ?");
    binds << limit << offset;
    auto q = exec(m_db, sql, binds);
    if (!q)
        return Error{q.error()};
    QList<LeadRow> out;
    while (q->next()) {
        LeadRow r;
        r.id = q->value(0).toLongLong();
        r.company = q->value(1).toString();
        r.familyName = q->value(2).toString();
        r.givenName = q->value(3).toString();
        r.familyReading = q->value(4).toString();
        r.givenReading = q->value(5).toString();
        r.email = q->value(6).toString();
        r.phone = q->value(7).toString();
        r.stage = stageFromKey(q->value(8).toString()).value_or(Stage::Inquiry);
        r.lost = q->value(9).toInt() != 0;
        r.temperature = temperatureFromKey(q->value(10).toString()).value_or(Temperature::Cold);
        r.source = q->value(11).toString();
        r.owner = q->value(12).toString();
        r.score = q->value(13).toInt();
        r.createdAt = dates::fromIsoDateTime(q->value(14).toString()).value_or(QDateTime());
        out << r;
    }
    return out;
}

Result<qint64> LeadQuery::count(const LeadFilter &filter) const {
    QVariantList binds;
    const QString w = where(filter, binds);
    auto q = exec(m_db, QStringLiteral("SELECT count(*) FROM leads l") + w, binds);
    if (!q)
        return Error{q.error()};
    q->next();
    return q->value(0).toLongLong();
}

} // namespace mikomi::storage

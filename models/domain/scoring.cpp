#include "models/domain/scoring.h"

#include "models/text/normalize.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <cmath>

namespace mikomi::scoring {

Rules Rules::defaults() {
    Rules r;
    using Op = AttributeRule::Op;
    r.attributes = {
        {QStringLiteral("title"), Op::Contains, QStringLiteral("部長"), 15},
        {QStringLiteral("title"), Op::Contains, QStringLiteral("Director"), 15},
        {QStringLiteral("title"), Op::InList, QStringLiteral("社長, 代表取締役, CEO, 取締役"), 20},
        {QStringLiteral("title"), Op::Contains, QStringLiteral("課長"), 8},
        {QStringLiteral("title"), Op::Contains, QStringLiteral("Manager"), 8},
    };
    r.behaviours = {
        {ActivityKind::DocumentDownload, 10, 30}, {ActivityKind::Seminar, 15, 60},
        {ActivityKind::EmailClick, 3, 14},        {ActivityKind::WebInquiry, 25, 60},
        {ActivityKind::PricingPageVisit, 15, 14}, {ActivityKind::Meeting, 20, 90},
    };
    return r;
}

QStringList attributeFields() {
    return {QStringLiteral("title"),      QStringLiteral("department"), QStringLiteral("company"),
            QStringLiteral("prefecture"), QStringLiteral("city"),       QStringLiteral("country"),
            QStringLiteral("email"),      QStringLiteral("source")};
}

QString attributeFieldLabel(const QString &field) {
    static const struct {
        const char *key;
        const char *label;
    } labels[] = {
        {"title", QT_TRANSLATE_NOOP("mikomi::scoring::Scoring", "Title")},
        {"department", QT_TRANSLATE_NOOP("mikomi::scoring::Scoring", "Department")},
        {"company", QT_TRANSLATE_NOOP("mikomi::scoring::Scoring", "Company")},
        {"prefecture", QT_TRANSLATE_NOOP("mikomi::scoring::Scoring", "Prefecture")},
        {"city", QT_TRANSLATE_NOOP("mikomi::scoring::Scoring", "City")},
        {"country", QT_TRANSLATE_NOOP("mikomi::scoring::Scoring", "Country")},
        {"email", QT_TRANSLATE_NOOP("mikomi::scoring::Scoring", "Email")},
        {"source", QT_TRANSLATE_NOOP("mikomi::scoring::Scoring", "Source")},
    };
    for (const auto &l : labels) {
        if (field == QLatin1String(l.key))
            return QCoreApplication::translate("mikomi::scoring::Scoring", l.label);
    }
    return field;
}

QString fieldValue(const Lead &lead, const QString &field) {
    if (field == QLatin1String("title"))
        return lead.title;
    if (field == QLatin1String("department"))
        return lead.department;
    if (field == QLatin1String("company"))
        return lead.company;
    if (field == QLatin1String("prefecture"))
        return lead.prefecture;
    if (field == QLatin1String("city"))
        return lead.city;
    if (field == QLatin1String("country"))
        return lead.country;
    if (field == QLatin1String("email"))
        return lead.email;
    if (field == QLatin1String("source"))
        return lead.source;
    return {};
}

QString opKey(AttributeRule::Op op) {
    switch (op) {
    case AttributeRule::Op::Contains:
        return QStringLiteral("contains");
    case AttributeRule::Op::Equals:
        return QStringLiteral("equals");
    case AttributeRule::Op::InList:
        return QStringLiteral("in");
    }
    return {};
}

std::optional<AttributeRule::Op> opFromKey(const QString &key) {
    for (auto op :
         {AttributeRule::Op::Contains, AttributeRule::Op::Equals, AttributeRule::Op::InList}) {
        if (opKey(op) == key)
            return op;
    }
    return std::nullopt;
}

QString opLabel(AttributeRule::Op op) {
    switch (op) {
    case AttributeRule::Op::Contains:
        return QCoreApplication::translate("mikomi::scoring::Scoring", "contains");
    case AttributeRule::Op::Equals:
        return QCoreApplication::translate("mikomi::scoring::Scoring", "equals");
    case AttributeRule::Op::InList:
        return QCoreApplication::translate("mikomi::scoring::Scoring", "is one of");
    }
    return {};
}

bool matches(const AttributeRule &rule, const Lead &lead) {
    const QString value = text::foldKey(fieldValue(lead, rule.field));
    if (value.isEmpty())
        return false;
    switch (rule.op) {
    case AttributeRule::Op::Contains: {
        const QString needle = text::foldKey(rule.value);
        return !needle.isEmpty() && value.contains(needle);
    }
    case AttributeRule::Op::Equals:
        return value == text::foldKey(rule.value);
    case AttributeRule::Op::InList: {
        static const QRegularExpression sep(QStringLiteral("[,、\\n]"));
        const QStringList items = rule.value.split(sep, Qt::SkipEmptyParts);
        for (const QString &item : items) {
            if (text::foldKey(item) == value)
                return true;
        }
        return false;
    }
    }
    return false;
}

int attributePoints(const Rules &rules, const Lead &lead) {
    int total = 0;
    for (const AttributeRule &r : rules.attributes) {
        if (matches(r, lead))
            total += r.points;
    }
    return total;
}

double decayedPoints(const BehaviourRule &r, std::optional<qint64> ageMs) {
    double pts = r.points;
    if (r.halfLifeDays > 0 && ageMs) {
        const double days = double(*ageMs) / (24.0 * 3600.0 * 1000.0);
        pts *= std::exp2(-days / r.halfLifeDays);
    }
    return pts;
}

namespace {

// How long before `now` the event happened; nullopt when its time is unknown or not in the past.
std::optional<qint64> ageAt(const Event &e, const QDateTime &now) {
    if (e.at.isValid() && e.at < now)
        return e.at.msecsTo(now);
    return std::nullopt;
}

} // namespace

double behaviourPoints(const Rules &rules, const QList<Event> &events, const QDateTime &now) {
    double total = 0;
    for (const Event &e : events) {
        for (const BehaviourRule &r : rules.behaviours) {
            if (r.kind == e.kind)
                total += decayedPoints(r, ageAt(e, now));
        }
    }
    return total;
}

int score(const Rules &rules, const Lead &lead, const QList<Event> &events, const QDateTime &now) {
    return Scorer::total(attributePoints(rules, lead), behaviourPoints(rules, events, now));
}

Scorer::Scorer(const Rules &rules)
    : m_rules(rules) {
    static const QRegularExpression sep(QStringLiteral("[,、\\n]"));
    for (const AttributeRule &r : rules.attributes) {
        Prepared p{r.field, r.op, {}, r.points};
        if (r.op == AttributeRule::Op::InList) {
            for (const QString &item : r.value.split(sep, Qt::SkipEmptyParts))
                p.values.append(text::foldKey(item));
        } else {
            p.values.append(text::foldKey(r.value));
        }
        m_prepared.append(p);
        if (!m_fields.contains(r.field))
            m_fields.append(r.field);
    }
}

bool Scorer::hit(const Prepared &p, const QString &value) {
    if (value.isEmpty())
        return false;
    switch (p.op) {
    case AttributeRule::Op::Contains:
        return !p.values.first().isEmpty() && value.contains(p.values.first());
    case AttributeRule::Op::Equals:
        return value == p.values.first();
    case AttributeRule::Op::InList:
        return p.values.contains(value);
    }
    return false;
}

int Scorer::score(const Lead &lead, const QList<Event> &events, const QDateTime &now) const {
    int attr = 0;
    for (qsizetype i = 0; i < m_fields.size(); ++i)
        attr += fieldPoints(i, fieldValue(lead, m_fields.at(i)));
    double behaviour = 0;
    for (const Event &e : events)
        addEventPoints(behaviour, e.kind, ageAt(e, now));
    return total(attr, behaviour);
}

int Scorer::fieldPoints(qsizetype i, const QString &raw) const {
    const QString &field = m_fields.at(i);
    const QString value = text::foldKey(raw);
    int points = 0;
    for (const Prepared &p : m_prepared) {
        if (p.field == field && hit(p, value))
            points += p.points;
    }
    return points;
}

void Scorer::addEventPoints(double &total, ActivityKind kind, std::optional<qint64> ageMs) const {
    for (const BehaviourRule &r : m_rules.behaviours) {
        if (r.kind == kind)
            total += decayedPoints(r, ageMs);
    }
}

int Scorer::total(int attributePoints, double behaviourPoints) {
    return int(std::lround(attributePoints + behaviourPoints));
}

Temperature temperature(const Thresholds &t, int score, std::optional<int> days) {
    if (days && score >= t.hotScore && *days <= t.hotDays)
        return Temperature::Hot;
    if (days && score >= t.warmScore && *days <= t.warmDays)
        return Temperature::Warm;
    return Temperature::Cold;
}

Temperature effectiveTemperature(const Thresholds &t, int score, std::optional<int> days,
                                 std::optional<Temperature> override) {
    return override ? *override : temperature(t, score, days);
}

Readiness readiness(const Thresholds &t, Stage stage, bool lost, int score) {
    if (lost || stage >= Stage::Sql)
        return Readiness::None;
    if (score >= t.sqlScore)
        return Readiness::Sql;
    if (stage == Stage::Inquiry && score >= t.mqlScore)
        return Readiness::Mql;
    return Readiness::None;
}

} // namespace mikomi::scoring

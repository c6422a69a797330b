#pragma once

#include "models/domain/enums.h"
#include "models/domain/lead.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// Lead scoring (product.md §Capabilities 5): pure rules, unit-tested at fixed dates.
namespace mikomi::scoring {

// A rule on a lead's fields: "title contains 部長" → +10. Matching folds width and case.
struct AttributeRule {
    enum class Op { Contains = 0, Equals, InList };
    QString field; // one of attributeFields(): "title", "department", "company", …
    Op op = Op::Contains;
    QString value; // for InList: items separated by ',' '、' or new lines
    int points = 0;
    bool operator==(const AttributeRule &) const = default;
};

// A rule on behaviour: each activity of `kind` → points, halved every `halfLifeDays` days
// since it happened (0 = no decay).
struct BehaviourRule {
    ActivityKind kind = ActivityKind::DocumentDownload;
    int points = 0;
    int halfLifeDays = 0;
    bool operator==(const BehaviourRule &) const = default;
};

// Thresholds: a score at or above mqlScore suggests MQL (for an inquiry), at or above sqlScore
// suggests SQL (for an inquiry or MQL). Temperature: Hot when score ≥ hotScore and the last
// activity is at most hotDays old; Warm when score ≥ warmScore and at most warmDays old; else
// Cold.
struct Thresholds {
    int mqlScore = 30;
    int sqlScore = 60;
    int hotScore = 50;
    int hotDays = 14;
    int warmScore = 20;
    int warmDays = 45;
    bool operator==(const Thresholds &) const = default;
};

struct Rules {
    QList<AttributeRule> attributes;
    QList<BehaviourRule> behaviours;
    Thresholds thresholds;
    bool operator==(const Rules &) const = default;
    // The rules a new database starts with (seed 003/004 examples).
    static Rules defaults();
};

struct Event {
    ActivityKind kind = ActivityKind::Note;
    QDateTime at;
};

// The field names attribute rules can test, and their value on a lead.
QStringList attributeFields();
QString attributeFieldLabel(const QString &field);
QString fieldValue(const Lead &lead, const QString &field);
QString opKey(AttributeRule::Op op);
std::optional<AttributeRule::Op> opFromKey(const QString &key);
QString opLabel(AttributeRule::Op op);

bool matches(const AttributeRule &rule, const Lead &lead);
int attributePoints(const Rules &rules, const Lead &lead);
// Behaviour points at `now` (events in the future count in full, without decay).
double behaviourPoints(const Rules &rules, const QList<Event> &events, const QDateTime &now);
// The points one activity earns under one behaviour rule of its kind, `ageMs` milliseconds after
// it happened (nullopt: its time is unknown or not in the past, so it counts in full).
double decayedPoints(const BehaviourRule &rule, std::optional<qint64> ageMs);
// Total score, rounded to the nearest integer.
int score(const Rules &rules, const Lead &lead, const QList<Event> &events, const QDateTime &now);

// The same rules with their values folded once (text::foldKey), for scoring many leads:
// score(lead) == scoring::score(rules, lead, …) but without re-normalising rule values.
class Scorer final {
public:
    explicit Scorer(const Rules &rules);
    int score(const Lead &lead, const QList<Event> &events, const QDateTime &now) const;

    // For scoring many leads from raw column values (storage's recompute): the fields the
    // attribute rules read, each once, and the points the rules on fields().at(i) give `value`
    // (a lead's raw value of that field). The sum over all fields is attributePoints().
    const QStringList &fields() const { return m_fields; }
    int fieldPoints(qsizetype i, const QString &value) const;
    // Adds to `total` the points of one activity of `kind`, rule by rule in the rules' order
    // (the order behaviourPoints() adds them in, so sums are identical to the last bit).
    void addEventPoints(double &total, ActivityKind kind, std::optional<qint64> ageMs) const;
    // The score from the attribute points and the behaviour total, rounded as score() does.
    static int total(int attributePoints, double behaviourPoints);

private:
    struct Prepared {
        QString field;
        AttributeRule::Op op;
        QStringList values; // folded; one item unless InList
        int points;
    };
    static bool hit(const Prepared &p, const QString &folded);
    Rules m_rules;
    QList<Prepared> m_prepared;
    QStringList m_fields;
};

// Temperature from score and days since the last activity (nullopt = no activity: Cold).
// A per-lead override (leads.temperature_override) wins over this; see effectiveTemperature.
Temperature temperature(const Thresholds &t, int score, std::optional<int> daysSinceActivity);

Temperature effectiveTemperature(const Thresholds &t, int score, std::optional<int> days,
                                 std::optional<Temperature> override);

enum class Readiness { None, Mql, Sql };
// What the score suggests for a lead's current stage; never a stage change by itself.
Readiness readiness(const Thresholds &t, Stage stage, bool lost, int score);

} // namespace mikomi::scoring

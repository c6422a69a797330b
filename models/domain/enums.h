#pragma once

#include <QString>

#include <optional>

// The fixed vocabularies of the product (product.md §Glossary). Stored in the database and the
// command line by their stable `key` ("mql", "event", "core"); shown to the user by `label()`,
// which translates in the "mikomi::Enums" context (enums.cpp).
namespace mikomi {

enum class Stage { Inquiry = 0, Mql, Sql, Opportunity, Customer };
inline constexpr int StageCount = 5;

enum class SqlKind { None, Sal, Sgl };

enum class SourceCategory { Inbound = 0, Outbound, Paid, Partnership, Event, Unknown };
inline constexpr int SourceCategoryCount = 6;

enum class Tier { Core = 0, Growth, Experiment };
inline constexpr int TierCount = 3;

enum class Temperature { Hot = 0, Warm, Cold };

enum class ActivityKind {
    DocumentDownload = 0,
    Seminar,
    EmailClick,
    WebInquiry,
    Call,
    Meeting,
    Visit,
    Email,
    PricingPageVisit,
    Note
};
inline constexpr int ActivityKindCount = 10;

QString stageKey(Stage s);
std::optional<Stage> stageFromKey(const QString &key);
QString stageLabel(Stage s);

QString sqlKindKey(SqlKind k);
std::optional<SqlKind> sqlKindFromKey(const QString &key);
QString sqlKindLabel(SqlKind k);

QString categoryKey(SourceCategory c);
std::optional<SourceCategory> categoryFromKey(const QString &key);
QString categoryLabel(SourceCategory c);

QString tierKey(Tier t);
std::optional<Tier> tierFromKey(const QString &key);
QString tierLabel(Tier t);
double tierTargetShare(Tier t);

QString temperatureKey(Temperature t);
std::optional<Temperature> temperatureFromKey(const QString &key);
QString temperatureLabel(Temperature t);

QString activityKindKey(ActivityKind k);
std::optional<ActivityKind> activityKindFromKey(const QString &key);
QString activityKindLabel(ActivityKind k);

// Label shown for "lost" (an outcome, not a stage).
QString lostLabel();

} // namespace mikomi

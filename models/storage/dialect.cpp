#include "models/storage/dialect.h"

namespace mikomi::storage {
namespace {

class SqliteDialect final : public Dialect {
public:
    Backend backend() const override { return Backend::Sqlite; }
    QString beginTransaction() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    QString joinedText(const QString &expr, const QString &) const override {
        return QStringLiteral("group_concat(%1, char(31))").arg(expr);
    }
    bool prepareUnbound() const override { return true; }
    bool streamsResults() const override { return true; }
    bool fts5() const override { return true; }
    QString lockForUpdate() const override { return {}; }
    QString indexedBy(const QString &index) const override {
        return QStringLiteral(" INDEXED BY ") + index;
    }
    std::vector<Migration> migrations(const std::vector<Migration> &steps) const override {
        return steps;
    }
};

class PostgresDialect final : public Dialect {
public:
    Backend backend() const override { return Backend::Postgres; }
    QString beginTransaction() const override { return QStringLiteral("BEGIN"); }
    QString joinedText(const QString &expr, const QString &orderBy) const override {
        return QStringLiteral("string_agg(%1, chr(31) ORDER BY %2)").arg(expr, orderBy);
    }
    bool prepareUnbound() const override { return false; }
    bool streamsResults() const override { return false; }
    bool fts5() const override { return false; }
    QString lockForUpdate() const override { return QStringLiteral(" FOR UPDATE"); }
    QString indexedBy(const QString &) const override { return {}; }
    std::vector<Migration> migrations(const std::vector<Migration> &steps) const override {
        return postgresMigrations(steps);
    }
};

} // namespace

const Dialect &dialectFor(Backend backend) {
    static const SqliteDialect sqlite;
    static const PostgresDialect postgres;
    return backend == Backend::Postgres ? static_cast<const Dialect &>(postgres) : sqlite;
}

bool isServerUrl(const QString &location) {
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

} // namespace mikomi::storage

#pragma once

// Internal to models/storage: the CHECK constraints of a table, read from its CREATE TABLE
// statement, for a bulk writer that fills tables with SQLite's checks switched off
// (PRAGMA ignore_check_constraints: a check with a value list costs SQLite a temporary index
// per row) and must still refuse every row that breaks one.
//
// Two ways of checking: a check of the form `column IN (literal, …)` is tested in C++ on the
// values a bulk statement is about to bind (about a hundred instructions a row, instead of a
// scan of the whole table afterwards); any table can be checked set-wise afterwards with
// violationQuery().

#include "models/storage/bindbuffer.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace mikomi::storage {

struct ValueList {
    QString column;
    QList<QByteArray> texts; // the literals, UTF-8
    QList<qint64> integers;
    // True when `v` passes `column IN (…)` as SQLite decides it for a column whose literals are
    // all texts or all integers (a null passes, as a CHECK that is null does).
    bool allows(const BindBuffer &buf, const BindBuffer::Value &v) const;
};

struct TableChecks {
    QString table;
    QStringList expressions; // every CHECK's expression, as written
    QList<ValueList> lists;  // those of the form `column IN (literals)`
    bool onlyLists = false;  // every check is one of `lists`
    // "SELECT count(*) FROM table WHERE NOT (…)": the rows breaking any check (empty when the
    // table has no check).
    QString violationQuery() const;
};

// The checks of `createTable` (a CREATE TABLE statement of our own schema).
TableChecks parseChecks(const QString &table, const QString &createTable);

// The checks of one INSERT statement's rows, by parameter: built from its text
// ("INSERT INTO t(a, b, …) VALUES (?, ?, …), (…)").
class RowChecks {
public:
    // Empty (nothing to test, nothing to scan) when `checks` has no check for the table; else
    // `complete()` says whether testing the bound values is enough.
    RowChecks(const QString &insertSql, const QHash<QString, TableChecks> &checks);
    QString table() const { return m_table; }
    bool empty() const { return m_tests.empty() && m_complete; }
    // True when every check of the table is a value list whose column this statement binds: the
    // rows it writes need no scan afterwards.
    bool complete() const { return m_complete; }
    // True when every row of the `n` values from `from` on surely passes the table's checks
    // (false: SQLite must decide, by a scan afterwards; a value is only taken as passing when it
    // equals a literal of its list exactly, as binary text or integer).
    bool surelyPass(const BindBuffer &buf, qsizetype from, qsizetype n) const;

private:
    struct Test {
        int parameter; // within a row
        ValueList list;
    };
    QString m_table;
    int m_width = 0;
    std::vector<Test> m_tests;
    bool m_complete = true;
};

} // namespace mikomi::storage

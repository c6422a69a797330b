#pragma once

// Internal to models/storage: reading query rows by column name.

#include <QList>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <initializer_list>

namespace mikomi::storage {

// Reads the rows of a query into a T by column name instead of by position, so a SELECT list
// can change order or grow without breaking its reader. A mapper is a list of (column name,
// setter) pairs, usually a static constant next to its SELECT; bind() resolves the names to the
// query's column indexes once per query, so reading a row costs what value(i) would. Columns
// are named as SQLite names them: a plain column by its name (`l.company` is "company"), an
// expression by its alias (`coalesce(u.name, '') AS owner`). A name the query does not select is
// a programming error: asserted in debug builds, and its field is left as it was.
template <typename T> class RowMapper final {
public:
    using Setter = void (*)(T &, const QVariant &);
    struct Field {
        const char *column;
        Setter set;
    };

    // The mapper bound to one query: reads its current row.
    class Bound final {
    public:
        T read() const {
            T out;
            readInto(out);
            return out;
        }
        void readInto(T &out) const {
            for (qsizetype i = 0; i < m_index.size(); ++i) {
                if (const int c = m_index.at(i); c >= 0)
                    m_fields->at(i).set(out, m_query->value(c));
            }
        }

    private:
        friend class RowMapper;
        const QSqlQuery *m_query = nullptr;
        const QList<Field> *m_fields = nullptr;
        QList<int> m_index;
    };

    RowMapper(std::initializer_list<Field> fields)
        : m_fields(fields) {}

    // Call after the query ran (its record knows the columns); the query must outlive the result.
    Bound bind(const QSqlQuery &q) const {
        Bound b;
        b.m_query = &q;
        b.m_fields = &m_fields;
        const QSqlRecord record = q.record();
        b.m_index.reserve(m_fields.size());
        for (const Field &f : m_fields) {
            const int c = record.indexOf(QLatin1String(f.column));
            Q_ASSERT_X(c >= 0, "RowMapper::bind", f.column);
            b.m_index.append(c);
        }
        return b;
    }

private:
    QList<Field> m_fields;
};

// One column of a query's current row by name, for a query whose single row is read once: the
// name is looked up on every call, so a loop over rows binds a RowMapper instead. A name the
// query does not select is a programming error (asserted; an invalid QVariant otherwise).
inline QVariant columnValue(const QSqlQuery &q, const char *column) {
    const int c = q.record().indexOf(QLatin1String(column));
    Q_ASSERT_X(c >= 0, "columnValue", column);
    return c >= 0 ? q.value(c) : QVariant();
}

} // namespace mikomi::storage

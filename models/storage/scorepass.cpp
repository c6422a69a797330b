#include "models/storage/scorepass.h"

#include "models/domain/dates.h"
#include "models/domain/log.h"
#include "models/storage/sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDriver>

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

#ifdef MIKOMI_HAVE_SQLITE3
#include <sqlite3.h>
#endif

namespace mikomi::storage {
namespace {

// A forward-only result set: SQLite's own statement, or a Qt SQL query where Mikomi is built
// without the SQLite API. Text comes back exactly as Qt SQL gives it (UTF-16 from SQLite).
class Cursor {
public:
    virtual ~Cursor() = default;
    // False at the end, or on an error (then error() says which).
    virtual bool next() = 0;
    virtual qint64 integer(int col) = 0;
    virtual bool isNull(int col) = 0;
    // Valid until next().
    virtual QStringView text(int col) = 0;
    virtual QByteArrayView utf8(int col) = 0;
    QString error() const { return m_error; }

protected:
    QString m_error;
};

// UPDATE leads SET score = ? WHERE id = ?, prepared once.
class ScoreWriter {
public:
    virtual ~ScoreWriter() = default;
    virtual Status write(qint64 id, int score) = 0;
};

class QtCursor final : public Cursor {
public:
    QtCursor(Database &db, const QString &sql, const QVariantList &binds) {
        auto q = exec(db, sql, binds);
        if (!q) {
            m_error = q.error();
            return;
        }
        m_query.emplace(std::move(q).value()); // forward-only where the dialect streams (exec)
    }
    bool next() override {
        if (!m_query || !m_query->next()) {
            if (m_query && m_query->lastError().isValid())
                m_error = sqlErrorMessage(m_query->lastError());
            return false;
        }
        return true;
    }
    qint64 integer(int col) override { return m_query->value(col).toLongLong(); }
    bool isNull(int col) override { return m_query->value(col).isNull(); }
    QStringView text(int col) override {
        m_text = m_query->value(col).toString();
        return m_text;
    }
    QByteArrayView utf8(int col) override {
        m_bytes = m_query->value(col).toString().toUtf8();
        return m_bytes;
    }

private:
    std::optional<QSqlQuery> m_query;
    QString m_text;
    QByteArray m_bytes;
};

class QtScoreWriter final : public ScoreWriter {
public:
    explicit QtScoreWriter(Database &db)
        : m_query(connection(db)) {
        if (!m_query.prepare(QStringLiteral("INSERT INTO lead_scores(lead_id, score) VALUES (?, ?) "
                                            "ON CONFLICT(lead_id) DO UPDATE SET score = "
                                            "excluded.score")))
            m_error = sqlErrorMessage(m_query.lastError());
    }
    Status write(qint64 id, int score) override {
        if (!m_error.isEmpty())
            return Error{m_error};
        return execPrepared(m_query, {id, score});
    }

private:
    QSqlQuery m_query;
    QString m_error;
};

std::atomic<bool> g_qtSqlOnly{false};

#ifdef MIKOMI_HAVE_SQLITE3
sqlite3 *nativeHandle(Database &db) {
    if (g_qtSqlOnly.load())
        return nullptr;
    const QVariant h = connection(db).driver()->handle();
    if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(h.data());
    return nullptr;
}

// The same wording sqlErrorMessage() gives for the same SQLite codes.
QString nativeError(sqlite3 *handle) {
    const int code = sqlite3_errcode(handle) & 0xff;
    const QString text = QString::fromUtf8(sqlite3_errmsg(handle));
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return lockedMessage();
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        return QCoreApplication::translate(
                   "mikomi::storage::ScorePass",
                   "The database file is damaged or is not a Mikomi database (%1).")
            .arg(text);
    if (code == SQLITE_FULL)
        return QCoreApplication::translate("mikomi::storage::ScorePass", "The disk is full: %1")
            .arg(text);
    return QCoreApplication::translate("mikomi::storage::ScorePass", "Database error: %1")
        .arg(text);
}

class Statement {
public:
    Statement(sqlite3 *handle, const QString &sql)
        : m_handle(handle) {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(handle, utf8.constData(), int(utf8.size()), &m_stmt, nullptr) !=
            SQLITE_OK) {
            m_error = nativeError(handle);
            m_stmt = nullptr;
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

protected:
    sqlite3 *m_handle;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
};

class NativeCursor final : public Cursor, private Statement {
public:
    NativeCursor(sqlite3 *handle, const QString &sql, const QStringList &binds)
        : Statement(handle, sql) {
        Cursor::m_error = Statement::m_error;
        m_binds.reserve(binds.size());
        for (qsizetype i = 0; m_stmt && i < binds.size(); ++i) {
            m_binds.push_back(binds.at(i).toUtf8());
            if (sqlite3_bind_text(m_stmt, int(i + 1), m_binds.back().constData(),
                                  int(m_binds.back().size()), SQLITE_STATIC) != SQLITE_OK)
                Cursor::m_error = nativeError(handle);
        }
    }
    bool next() override {
        if (!Cursor::m_error.isEmpty() || m_done)
            return false;
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        m_done = true;
        if (rc != SQLITE_DONE)
            Cursor::m_error = nativeError(m_handle);
        return false;
    }
    qint64 integer(int col) override { return sqlite3_column_int64(m_stmt, col); }
    bool isNull(int col) override { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
    // As Qt's SQLite driver reads text: SQLite's UTF-16, so any conversion is SQLite's own.
    QStringView text(int col) override {
        const void *p = sqlite3_column_text16(m_stmt, col);
        const int bytes = sqlite3_column_bytes16(m_stmt, col);
        if (!p)
            return {};
        return QStringView(static_cast<const char16_t *>(p), bytes / 2);
    }
    QByteArrayView utf8(int col) override {
        const unsigned char *p = sqlite3_column_text(m_stmt, col);
        const int bytes = sqlite3_column_bytes(m_stmt, col);
        return QByteArrayView(reinterpret_cast<const char *>(p), p ? bytes : 0);
    }

private:
    std::vector<QByteArray> m_binds;
    bool m_done = false;
};

class NativeScoreWriter final : public ScoreWriter, private Statement {
public:
    explicit NativeScoreWriter(sqlite3 *handle)
        : Statement(handle, QStringLiteral("INSERT INTO lead_scores(lead_id, score) VALUES (?2, "
                                           "?1) ON CONFLICT(lead_id) DO UPDATE SET score = "
                                           "excluded.score")) {}
    Status write(qint64 id, int score) override {
        if (!m_error.isEmpty())
            return Error{m_error};
        sqlite3_bind_int64(m_stmt, 1, score);
        sqlite3_bind_int64(m_stmt, 2, id);
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        if (rc != SQLITE_DONE)
            return Error{nativeError(m_handle)};
        return {};
    }
};
#endif

std::unique_ptr<Cursor> openCursor(Database &db, const QString &sql, const QStringList &binds) {
#ifdef MIKOMI_HAVE_SQLITE3
    if (sqlite3 *h = nativeHandle(db))
        return std::make_unique<NativeCursor>(h, sql, binds);
#endif
    QVariantList b;
    for (const QString &s : binds)
        b.append(s);
    return std::make_unique<QtCursor>(db, sql, b);
}

std::unique_ptr<ScoreWriter> openWriter(Database &db) {
#ifdef MIKOMI_HAVE_SQLITE3
    if (sqlite3 *h = nativeHandle(db))
        return std::make_unique<NativeScoreWriter>(h);
#endif
    return std::make_unique<QtScoreWriter>(db);
}

int digits(const char *p, int n) {
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

// Milliseconds since the epoch of a time as Mikomi stores it, "YYYY-MM-DDTHH:MM:SS+HH:MM" (or
// "Z"), without building a QDateTime; nullopt for any other form, which the caller then parses
// as dates::fromIsoDateTime does. Both give the same instant for the same text.
std::optional<qint64> storedTimeMs(QByteArrayView s) {
    if (s.size() != 25 && s.size() != 20)
        return std::nullopt;
    const char *p = s.data();
    if (p[4] != '-' || p[7] != '-' || p[10] != 'T' || p[13] != ':' || p[16] != ':')
        return std::nullopt;
    const int y = digits(p, 4), mo = digits(p + 5, 2), d = digits(p + 8, 2);
    const int h = digits(p + 11, 2), mi = digits(p + 14, 2), sec = digits(p + 17, 2);
    if (y < 1 || mo < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 ||
        !QDate::isValid(y, mo, d))
        return std::nullopt;
    int offset = 0; // seconds east of UTC
    if (s.size() == 20) {
        if (p[19] != 'Z')
            return std::nullopt;
    } else {
        const int oh = digits(p + 20, 2), om = digits(p + 23, 2);
        if ((p[19] != '+' && p[19] != '-') || p[22] != ':' || oh < 0 || oh > 14 || om < 0 ||
            om > 59)
            return std::nullopt;
        offset = (oh * 3600 + om * 60) * (p[19] == '-' ? -1 : 1);
    }
    constexpr qint64 kUnixEpochJd = 2440588;
    const qint64 days = QDate(y, mo, d).toJulianDay() - kUnixEpochJd;
    return (days * 86400 + h * 3600 + mi * 60 + sec - offset) * 1000;
}

// The leads columns attribute rules can read, by scoring field name ("source" is the source's
// name, looked up by id).
const char *columnOf(const QString &field) {
    static const char *const names[] = {"title", "department", "company", "prefecture",
                                        "city",  "country",    "email"};
    for (const char *n : names) {
        if (field == QLatin1String(n))
            return n;
    }
    return nullptr;
}

// Points per distinct raw value of one field: folding a value (NFKC, case) costs more than the
// scan, and titles, prefectures or companies repeat across leads. Bounded, for unique fields.
class FieldCache {
public:
    int points(const scoring::Scorer &scorer, qsizetype field, QStringView raw) {
        const QString key = QString::fromRawData(raw.data(), raw.size()); // no copy for lookup
        if (auto it = m_points.constFind(key); it != m_points.cend())
            return *it;
        const QString value = raw.toString();
        const int p = scorer.fieldPoints(field, value);
        if (m_points.size() < kMaxEntries)
            m_points.insert(value, p);
        return p;
    }

private:
    static constexpr qsizetype kMaxEntries = 100000;
    QHash<QString, int> m_points;
};

// From this many changed scores on, the score indexes are rebuilt rather than kept up to date.
std::atomic<qint64> g_rebuildIndexesFrom{50000};

// A larger page cache while the pass runs (64 MiB instead of SQLite's 2 MiB): the score
// indexes' pages then stay in memory while rows all over them change. Restored afterwards.
class LargerCache {
public:
    explicit LargerCache(Database &db)
        : m_db(db) {
        if (db.backend() != Backend::Sqlite)
            return; // the server has its own shared buffers
        auto q = exec(db, QStringLiteral("PRAGMA cache_size"));
        if (q && q->next()) {
            m_before = q->value(0).toLongLong();
            q->finish();
            if (m_before > -65536 && m_before < 8192)
                m_set = exec(db, QStringLiteral("PRAGMA cache_size = -65536")).ok();
        }
    }
    ~LargerCache() {
        if (!m_set)
            return;
        // A cache left larger only costs memory until the connection closes: logged.
        if (auto r = exec(m_db, QStringLiteral("PRAGMA cache_size = %1").arg(m_before)); !r)
            qCWarning(log::storage, "PRAGMA cache_size not restored: %s",
                      qUtf8Printable(r.error()));
    }

private:
    Database &m_db;
    qint64 m_before = 0;
    bool m_set = false;
};

} // namespace

void setScorePassUsesQtSql(bool on) {
    g_qtSqlOnly.store(on);
}

void setScorePassIndexRebuildFrom(qint64 changes) {
    g_rebuildIndexesFrom.store(changes);
}

Result<ScorePass> recomputeScores(Database &db, const scoring::Rules &rules, const QDateTime &now,
                                  const ScoreProgress &progress) {
    const LargerCache cache(db);
    const scoring::Scorer scorer(rules);
    const qint64 nowMs = now.toMSecsSinceEpoch();

    // The columns to read: id, score, then one per field the attribute rules use.
    // A lead without a score row (none should be: every writer adds one) reads a score no int
    // can equal, so this pass writes its row.
    QString columns = QStringLiteral("l.id, coalesce(sc.score, 4294967296)");
    struct Field {
        qsizetype index; // in scorer.fields()
        int column;      // in the result row
        bool source;     // the source's name, by id
    };
    std::vector<Field> fields;
    bool needSources = false;
    for (qsizetype i = 0; i < scorer.fields().size(); ++i) {
        const QString &f = scorer.fields().at(i);
        const bool source = f == QLatin1String("source");
        const char *col = source ? "source_id" : columnOf(f);
        if (!col)
            continue; // a field no lead has: its rules never match
        needSources = needSources || source;
        fields.push_back({i, int(fields.size()) + 2, source});
        columns += QStringLiteral(", l.") + QLatin1String(col);
    }

    QHash<qint64, QString> sourceNames;
    if (needSources) {
        auto s = openCursor(db, QStringLiteral("SELECT id, name FROM sources"), {});
        while (s->next())
            sourceNames.insert(s->integer(0), s->text(1).toString());
        if (!s->error().isEmpty())
            return Error{s->error()};
    }
    QHash<qint64, int> sourcePoints; // by source id; -1 for no source

    qint64 maxId = 0;
    {
        auto m = openCursor(db, QStringLiteral("SELECT coalesce(max(id), 0) FROM leads"), {});
        if (m->next())
            maxId = m->integer(0);
        if (!m->error().isEmpty())
            return Error{m->error()};
    }
    // Steps: one per lead id scanned; progress is told a few hundred times in all.
    const qint64 total = maxId;
    const qint64 every = std::clamp<qint64>(maxId / 256, 64, 8192);

    // Activities of the kinds the behaviour rules score, in the order the per-lead recompute
    // sees them (the activities_lead index: lead, then time).
    std::unique_ptr<Cursor> acts;
    struct Kind {
        QByteArray key;
        ActivityKind kind;
    };
    std::vector<Kind> kinds;
    if (!rules.behaviours.isEmpty()) {
        QStringList keys;
        QString in;
        for (const auto &b : rules.behaviours) {
            keys.append(activityKindKey(b.kind));
            kinds.push_back({keys.last().toUtf8(), b.kind});
            in += in.isEmpty() ? QStringLiteral("?") : QStringLiteral(", ?");
        }
        acts = openCursor(db,
                          QStringLiteral("SELECT lead_id, kind, occurred_at FROM activities WHERE "
                                         "kind IN (%1) ORDER BY lead_id")
                              .arg(in),
                          keys);
        if (!acts->error().isEmpty())
            return Error{acts->error()};
    }

    auto leads =
        openCursor(db,
                   QStringLiteral("SELECT %1 FROM leads l LEFT JOIN lead_scores sc ON sc.lead_id "
                                  "= l.id ORDER BY l.id")
                       .arg(columns),
                   {});
    if (!leads->error().isEmpty())
        return Error{leads->error()};

    std::vector<FieldCache> caches(fields.size());
    std::vector<std::pair<qint64, int>> pending; // id, new score
    bool actValid = acts && acts->next();
    qint64 seen = 0;
    while (leads->next()) {
        const qint64 id = leads->integer(0);
        int attr = 0;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const Field &f = fields[i];
            if (!f.source) {
                attr += caches[i].points(scorer, f.index, leads->text(f.column));
                continue;
            }
            const qint64 sid = leads->isNull(f.column) ? -1 : leads->integer(f.column);
            auto it = sourcePoints.constFind(sid);
            if (it == sourcePoints.cend())
                it = sourcePoints.insert(sid, scorer.fieldPoints(f.index, sourceNames.value(sid)));
            attr += *it;
        }
        double behaviour = 0;
        while (actValid && acts->integer(0) < id)
            actValid = acts->next();
        while (actValid && acts->integer(0) == id) {
            const QByteArrayView key = acts->utf8(1);
            ActivityKind kind = ActivityKind::Note;
            for (const Kind &k : kinds) {
                if (key == k.key) {
                    kind = k.kind;
                    break;
                }
            }
            std::optional<qint64> age;
            if (auto at = storedTimeMs(acts->utf8(2))) {
                if (*at < nowMs)
                    age = nowMs - *at;
            } else {
                const QDateTime t =
                    dates::fromIsoDateTime(acts->text(2).toString()).value_or(QDateTime());
                if (t.isValid() && t < now)
                    age = t.msecsTo(now);
            }
            scorer.addEventPoints(behaviour, kind, age);
            actValid = acts->next();
        }
        if (acts && !acts->error().isEmpty())
            return Error{acts->error()};
        const int score = scoring::Scorer::total(attr, behaviour);
        if (qint64(score) != leads->integer(1))
            pending.emplace_back(id, score);
        if (++seen % every == 0 && progress && !progress(std::min(id, total), total))
            return ScorePass{0, true};
    }
    if (!leads->error().isEmpty())
        return Error{leads->error()};
    // The reads are finished before writing, so no open scan sees its own updates.
    acts.reset();
    leads.reset();

    // Many changes: the indexes on the score are dropped and built again after the writes (one
    // sort each instead of a random delete and insert per row; at a million leads this halves
    // the work of the writes). Inside the caller's transaction, so a rollback restores them.
    QStringList rebuild;
    // (SQLite's own tuning: a server keeps its indexes up to date row by row.)
    if (db.backend() == Backend::Sqlite && qint64(pending.size()) >= g_rebuildIndexesFrom.load()) {
        auto idx = openCursor(db,
                              QStringLiteral("SELECT DISTINCT s.name, s.sql FROM "
                                             "pragma_index_list('lead_scores') l JOIN "
                                             "pragma_index_info(l.name) i JOIN sqlite_schema s "
                                             "ON s.name = l.name WHERE i.name = 'score' AND "
                                             "s.sql IS NOT NULL"),
                              {});
        QStringList names;
        while (idx->next()) {
            names << idx->text(0).toString();
            rebuild << idx->text(1).toString();
        }
        if (!idx->error().isEmpty())
            return Error{idx->error()};
        idx.reset();
        for (const QString &name : std::as_const(names)) {
            // The name comes from our own schema, not from input; quoted all the same.
            if (auto q = exec(db, QStringLiteral("DROP INDEX \"%1\"").arg(name)); !q)
                return q.failure();
        }
    }

    auto writer = openWriter(db);
    qint64 written = 0;
    for (const auto &[id, score] : pending) {
        if (Status s = writer->write(id, score); !s)
            return s.failure();
        if (++written % every == 0 && progress && !progress(total, total))
            return ScorePass{0, true};
    }
    writer.reset();
    for (const QString &sql : std::as_const(rebuild)) {
        if (progress && !progress(total, total))
            return ScorePass{0, true};
        if (auto q = exec(db, sql); !q)
            return q.failure();
    }
    if (progress && !progress(total, total))
        return ScorePass{0, true};
    return ScorePass{written, false};
}

} // namespace mikomi::storage

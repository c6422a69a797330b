#include "models/storage/pgcopy.h"

#include "models/storage/sql.h"

#include <QSqlDriver>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <memory>
#include <optional>

#ifdef MIKOMI_HAVE_LIBPQ
#include <libpq-fe.h>
#include <poll.h>
#endif

namespace mikomi::storage {
namespace {

std::atomic<bool> g_copyAllowed{true};
std::atomic<int> g_copies{0};

// Text with COPY's escapes: backslash, tab, newline and carriage return (the column and row
// separators) written as \\, \t, \n, \r; everything else as it is.
void appendEscaped(QByteArray &out, const QByteArray &utf8) {
    qsizetype plain = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        const char *escape = nullptr;
        switch (c) {
        case '\\':
            escape = "\\\\";
            break;
        case '\t':
            escape = "\\t";
            break;
        case '\n':
            escape = "\\n";
            break;
        case '\r':
            escape = "\\r";
            break;
        default:
            continue;
        }
        out.append(utf8.constData() + plain, i - plain);
        out.append(escape);
        plain = i + 1;
    }
    out.append(utf8.constData() + plain, utf8.size() - plain);
}

// The same for UTF-16 text, encoded straight into `out` (no UTF-8 copy of each value: a fifth
// of an import's client time went to those). A lone surrogate goes the way above, as
// QString::toUtf8 encodes it.
void appendEscaped(QByteArray &out, QStringView text) {
    const qsizetype start = out.size();
    if (out.capacity() < start + 3 * text.size())
        out.reserve(std::max(2 * out.capacity(), start + 3 * text.size()));
    out.resize(start + 3 * text.size()); // at most 3 bytes a UTF-16 unit (a pair: 4 for 2)
    char *p = out.data() + start;
    const char16_t *u = text.utf16();
    const char16_t *end = u + text.size();
    while (u < end) {
        const char16_t c = *u++;
        if (c < 0x80) {
            switch (c) {
            case u'\\':
                *p++ = '\\';
                *p++ = '\\';
                break;
            case u'\t':
                *p++ = '\\';
                *p++ = 't';
                break;
            case u'\n':
                *p++ = '\\';
                *p++ = 'n';
                break;
            case u'\r':
                *p++ = '\\';
                *p++ = 'r';
                break;
            default:
                *p++ = char(c);
            }
        } else if (c < 0x800) {
            *p++ = char(0xC0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3F));
        } else if (c < 0xD800 || c > 0xDFFF) {
            *p++ = char(0xE0 | (c >> 12));
            *p++ = char(0x80 | ((c >> 6) & 0x3F));
            *p++ = char(0x80 | (c & 0x3F));
        } else if (c < 0xDC00 && u < end && *u >= 0xDC00 && *u <= 0xDFFF) {
            const char32_t cp = 0x10000 + ((char32_t(c) - 0xD800) << 10) + (*u++ - 0xDC00);
            *p++ = char(0xF0 | (cp >> 18));
            *p++ = char(0x80 | ((cp >> 12) & 0x3F));
            *p++ = char(0x80 | ((cp >> 6) & 0x3F));
            *p++ = char(0x80 | (cp & 0x3F));
        } else {
            out.truncate(start);
            appendEscaped(out, text.toUtf8());
            return;
        }
    }
    out.truncate(p - out.constData());
}

void appendNumber(QByteArray &out, auto n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out.append(buf, r.ptr - buf);
}

Status appendValue(QByteArray &out, const QVariant &v) {
    // NULL as QPSQL binds it on Qt 6.4 (qCreateParamString: QVariant::isNull(), so a null
    // QString is '', as the NOT NULL text columns need).
    if (v.isNull()) {
        out.append("\\N");
        return {};
    }
    switch (v.typeId()) {
    case QMetaType::QString:
        appendEscaped(out, QStringView(*static_cast<const QString *>(v.constData())));
        return {};
    case QMetaType::Bool:
        out.append(v.toBool() ? 't' : 'f');
        return {};
    case QMetaType::Int:
    case QMetaType::Short:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::SChar:
        appendNumber(out, v.toLongLong());
        return {};
    case QMetaType::UInt:
    case QMetaType::UShort:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UChar:
        appendNumber(out, v.toULongLong());
        return {};
    case QMetaType::Double:
    case QMetaType::Float: {
        // As QPSQL writes them: the shortest text that reads back as the same double.
        const double d = v.toDouble();
        if (std::isnan(d))
            out.append("NaN");
        else if (std::isinf(d))
            out.append(d < 0 ? "-Infinity" : "Infinity");
        else
            out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
        return {};
    }
    case QMetaType::QByteArray: {
        // bytea in hex, its backslash escaped for COPY.
        out.append("\\\\x");
        out.append(static_cast<const QByteArray *>(v.constData())->toHex());
        return {};
    }
    default:
        return Error{QStringLiteral("COPY: a value of type %1 has no text form here")
                         .arg(QString::fromLatin1(v.metaType().name()))};
    }
}

#ifdef MIKOMI_HAVE_LIBPQ
PGconn *libpqConnection(const Database &db) {
    if (db.backend() != Backend::Postgres)
        return nullptr;
    // Not connection(db): that settles the work in flight, which is what calls this.
    const QSqlDatabase c = QSqlDatabase::database(db.connectionName(), false);
    if (!c.isOpen() || !c.driver())
        return nullptr;
    const QVariant h = c.driver()->handle();
    // Q_DECLARE_METATYPE(PGconn*) in the driver: named after the struct PGconn stands for.
    if (!h.isValid() ||
        (qstrcmp(h.typeName(), "PGconn*") != 0 && qstrcmp(h.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(h.constData());
}

// The server's refusal as Qt's driver reports one (sqlError reads its SQLSTATE).
Error copyError(const Database &db, PGconn *conn, const PGresult *r) {
    const QString text = QString::fromUtf8(r ? PQresultErrorMessage(r) : PQerrorMessage(conn));
    const QString state =
        r ? QString::fromLatin1(PQresultErrorField(r, PG_DIAG_SQLSTATE)) : QString();
    return sqlError(QSqlError(QStringLiteral("QPSQL: Unable to copy rows"), text.trimmed(),
                              PQstatus(conn) == CONNECTION_OK ? QSqlError::StatementError
                                                              : QSqlError::ConnectionError,
                              state),
                    db.path());
}
#endif

} // namespace

bool canCopyRows(const Database &db) {
#ifdef MIKOMI_HAVE_LIBPQ
    if (!g_copyAllowed)
        return false;
    PGconn *conn = libpqConnection(db);
    return conn && PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) != PQTRANS_ACTIVE &&
           !PQisBusy(conn);
#else
    Q_UNUSED(db);
    return false;
#endif
}

Result<bool> canCopyInto(const Database &db, const QString &table) {
    if (!canCopyRows(db))
        return false;
    auto q = exec(db, QStringLiteral("SELECT row_security_active(?)"), {table});
    if (!q)
        return q.failure();
    if (!q->next())
        return Error{sqlErrorMessage(q->lastError())};
    return !q->value(0).toBool();
}

Status appendCopyRows(QByteArray &out, const QVariantList &values, int rows, int columns) {
    if (qsizetype(rows) * columns > values.size())
        return Error{QStringLiteral("COPY: fewer values than rows")};
    qsizetype at = 0;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                out.append('\t');
            if (Status s = appendValue(out, values.at(at++)); !s)
                return s;
        }
        out.append('\n');
    }
    return {};
}

#ifdef MIKOMI_HAVE_LIBPQ
namespace {

// The COPY's results, once the server has sent them: the first failure, and the connection
// back in blocking mode (as Qt's driver expects it).
Status copyResults(const Database &db, PGconn *conn) {
    std::optional<Error> failed;
    while (PGresult *done = PQgetResult(conn)) {
        if (PQresultStatus(done) != PGRES_COMMAND_OK && !failed)
            failed = copyError(db, conn, done);
        PQclear(done);
    }
    PQsetnonblocking(conn, 0);
    if (failed)
        return *failed;
    return {};
}

// Waits until the server has sent something, or (`write`) until the socket takes more.
void waitForSocket(PGconn *conn, bool write = true) {
    pollfd p{PQsocket(conn), short(write ? POLLIN | POLLOUT : POLLIN), 0};
    (void)poll(&p, 1, 1000);
}

} // namespace
#endif

Status startCopyRows(const Database &db, const QString &target, const QByteArray &data) {
#ifdef MIKOMI_HAVE_LIBPQ
    PGconn *conn = libpqConnection(db);
    if (!conn)
        return Error{QStringLiteral("COPY: not a connection to a server")};
    const QByteArray sql = QStringLiteral("COPY %1 FROM STDIN").arg(target).toUtf8();
    PGresult *r = PQexec(conn, sql.constData());
    if (PQresultStatus(r) != PGRES_COPY_IN) {
        Error e = copyError(db, conn, r);
        PQclear(r);
        while (PGresult *more = PQgetResult(conn))
            PQclear(more);
        return e;
    }
    PQclear(r);
    ++g_copies;
    // Non-blocking: libpq keeps what the socket does not take yet (copyFinished() sends it).
    PQsetnonblocking(conn, 1);
    int put = 0;
    while ((put = PQputCopyData(conn, data.constData(), int(data.size()))) == 0)
        waitForSocket(conn);
    const char *problem = put == 1 ? nullptr : "client could not send its rows";
    int ended = 0;
    while ((ended = PQputCopyEnd(conn, problem)) == 0)
        waitForSocket(conn);
    if (put != 1 || ended != 1) {
        const Error e = copyError(db, conn, nullptr);
        while (PQflush(conn) == 1)
            waitForSocket(conn);
        (void)copyResults(db, conn);
        return e;
    }
    (void)PQflush(conn);
    return {};
#else
    Q_UNUSED(db);
    Q_UNUSED(target);
    Q_UNUSED(data);
    return Error{QStringLiteral("COPY: this build has no libpq")};
#endif
}

Result<bool> copyFinished(const Database &db, bool wait) {
#ifdef MIKOMI_HAVE_LIBPQ
    PGconn *conn = libpqConnection(db);
    if (!conn)
        return Error{QStringLiteral("COPY: not a connection to a server")};
    for (;;) {
        const int flushed = PQflush(conn);
        if (flushed < 0 || !PQconsumeInput(conn)) {
            const Error e = copyError(db, conn, nullptr);
            (void)copyResults(db, conn);
            return e;
        }
        if (flushed == 0 && !PQisBusy(conn))
            break;
        if (!wait)
            return false;
        waitForSocket(conn, flushed == 1);
    }
    if (Status s = copyResults(db, conn); !s)
        return s.failure();
    return true;
#else
    Q_UNUSED(db);
    Q_UNUSED(wait);
    return Error{QStringLiteral("COPY: this build has no libpq")};
#endif
}

std::function<void()> statementCanceller(const Database &db) {
#ifdef MIKOMI_HAVE_LIBPQ
    PGconn *conn = libpqConnection(db);
    PGcancel *c = conn ? PQgetCancel(conn) : nullptr;
    if (!c)
        return {};
    const std::shared_ptr<PGcancel> cancel(c, PQfreeCancel);
    return [cancel] {
        char why[256];
        (void)PQcancel(cancel.get(), why, int(sizeof why));
    };
#else
    Q_UNUSED(db);
    return {};
#endif
}

// The overlapped COPY, waited for at once.
Status copyRows(const Database &db, const QString &target, const QByteArray &data) {
    if (Status s = startCopyRows(db, target, data); !s)
        return s;
    auto done = copyFinished(db, true);
    return done ? Status() : Status(done.failure());
}

void setCopyRowsAllowed(bool allowed) {
    g_copyAllowed = allowed;
}

int copyStatementsRun() {
    return g_copies;
}

} // namespace mikomi::storage

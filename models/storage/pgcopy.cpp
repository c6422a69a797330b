#include "models/storage/pgcopy.h"

#include "models/storage/sql.h"

#include <QSqlDriver>

#include <atomic>
#include <cmath>
#include <optional>

#ifdef MIKOMI_HAVE_LIBPQ
#include <libpq-fe.h>
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

Status appendValue(QByteArray &out, const QVariant &v) {
    // NULL as QPSQL binds it on Qt 6.4 (qCreateParamString: QVariant::isNull(), so a null
    // QString is '', as the NOT NULL text columns need).
    if (v.isNull()) {
        out.append("\\N");
        return {};
    }
    switch (v.typeId()) {
    case QMetaType::QString:
        appendEscaped(out, static_cast<const QString *>(v.constData())->toUtf8());
        return {};
    case QMetaType::Bool:
        out.append(v.toBool() ? 't' : 'f');
        return {};
    case QMetaType::Int:
    case QMetaType::Short:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::SChar:
        out.append(QByteArray::number(v.toLongLong()));
        return {};
    case QMetaType::UInt:
    case QMetaType::UShort:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UChar:
        out.append(QByteArray::number(v.toULongLong()));
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
    const QSqlDatabase c = connection(db);
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

Status copyRows(const Database &db, const QString &target, const QByteArray &data) {
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
    // In pieces of 1 MiB (libpq buffers what it is given; the server reads a row at a time).
    constexpr qsizetype kPiece = 1 << 20;
    bool sent = true;
    for (qsizetype at = 0; sent && at < data.size(); at += kPiece) {
        const int n = int(std::min(kPiece, data.size() - at));
        sent = PQputCopyData(conn, data.constData() + at, n) == 1;
    }
    if (PQputCopyEnd(conn, sent ? nullptr : "client could not send its rows") != 1)
        sent = false;
    std::optional<Error> failed;
    while (PGresult *done = PQgetResult(conn)) {
        if (PQresultStatus(done) != PGRES_COMMAND_OK && !failed)
            failed = copyError(db, conn, done);
        PQclear(done);
    }
    if (failed)
        return *failed;
    if (!sent)
        return copyError(db, conn, nullptr);
    return {};
#else
    Q_UNUSED(db);
    Q_UNUSED(target);
    Q_UNUSED(data);
    return Error{QStringLiteral("COPY: this build has no libpq")};
#endif
}

void setCopyRowsAllowed(bool allowed) {
    g_copyAllowed = allowed;
}

int copyStatementsRun() {
    return g_copies;
}

} // namespace mikomi::storage

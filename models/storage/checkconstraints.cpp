#include "models/storage/checkconstraints.h"

#include <QRegularExpression>

#include <cstring>

namespace mikomi::storage {

namespace {

bool identifierChar(QChar c) {
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// The index just past the quoted text starting at `i` (a '…', "…", `…` or […] with doubled
// quotes inside), or `i` + 1 when there is none.
qsizetype skipQuoted(const QString &s, qsizetype i) {
    const QChar open = s.at(i);
    const QChar close = open == u'[' ? QChar(u']') : open;
    if (open != u'\'' && open != u'"' && open != u'`' && open != u'[')
        return i + 1;
    qsizetype k = i + 1;
    while (k < s.size()) {
        if (s.at(k) == close) {
            if (close != u']' && k + 1 < s.size() && s.at(k + 1) == close) {
                k += 2;
                continue;
            }
            return k + 1;
        }
        ++k;
    }
    return k;
}

// `s` split at the commas outside quotes and parentheses.
QStringList splitTopLevel(const QString &s) {
    QStringList parts;
    qsizetype start = 0, depth = 0;
    for (qsizetype i = 0; i < s.size();) {
        const QChar c = s.at(i);
        if (c == u'\'' || c == u'"' || c == u'`' || c == u'[') {
            i = skipQuoted(s, i);
            continue;
        }
        if (c == u'(')
            ++depth;
        else if (c == u')')
            --depth;
        else if (c == u',' && depth == 0) {
            parts << s.mid(start, i - start).trimmed();
            start = i + 1;
        }
        ++i;
    }
    parts << s.mid(start).trimmed();
    return parts;
}

// `column IN (literal, …)` with literals all texts or all integers.
bool parseList(const QString &expression, ValueList *list) {
    static const QRegularExpression re(
        QStringLiteral(R"re(^\s*"?([A-Za-z_][A-Za-z0-9_]*)"?\s+IN\s*\((.*)\)\s*$)re"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const auto m = re.match(expression);
    if (!m.hasMatch())
        return false;
    static const QRegularExpression integer(QStringLiteral(R"(^[+-]?[0-9]{1,18}$)"));
    ValueList l;
    l.column = m.captured(1);
    for (const QString &item : splitTopLevel(m.captured(2))) {
        if (item.size() >= 2 && item.startsWith(u'\'') && item.endsWith(u'\'') &&
            skipQuoted(item, 0) == item.size()) {
            l.texts << item.mid(1, item.size() - 2)
                           .replace(QStringLiteral("''"), QStringLiteral("'"))
                           .toUtf8();
        } else if (integer.match(item).hasMatch()) {
            l.integers << item.toLongLong();
        } else {
            return false;
        }
    }
    if (!l.texts.isEmpty() && !l.integers.isEmpty())
        return false;
    *list = l;
    return true;
}

QString quotedText(const QByteArray &utf8) {
    return u'\'' + QString::fromUtf8(utf8).replace(u'\'', QStringLiteral("''")) + u'\'';
}

} // namespace

bool ValueList::allows(const BindBuffer &buf, const BindBuffer::Value &v) const {
    switch (v.kind) {
    case BindBuffer::Kind::Null:
        return true;
    case BindBuffer::Kind::Int:
        return integers.contains(v.integer);
    case BindBuffer::Kind::Text:
        for (const QByteArray &t : texts)
            if (t.size() == v.size && (v.size == 0 || std::memcmp(t.constData(), buf.textData(v),
                                                                  std::size_t(v.size)) == 0))
                return true;
        return false;
    case BindBuffer::Kind::Real:
        return false;
    }
    return false;
}

QString TableChecks::violationQuery() const {
    if (expressions.isEmpty())
        return {};
    QStringList terms;
    for (const QString &e : expressions) {
        ValueList l;
        if (parseList(e, &l)) {
            // `x IN (a, b, c)` written `(x = a OR x = b OR x = c)`: the same in SQL's logic (a
            // null stays null) but compared in place, where SQLite looks an IN list of more
            // than two values up in a temporary index, a search per row.
            QStringList alternatives;
            const QString column = u'"' + l.column + u'"';
            for (const QByteArray &t : std::as_const(l.texts))
                alternatives << column + QStringLiteral(" = ") + quotedText(t);
            for (qint64 i : std::as_const(l.integers))
                alternatives << column + QStringLiteral(" = ") + QString::number(i);
            terms << QStringLiteral("coalesce((%1), 1)")
                         .arg(alternatives.isEmpty() ? QStringLiteral("0")
                                                     : alternatives.join(QStringLiteral(" OR ")));
        } else {
            terms << QStringLiteral("coalesce((%1), 1)").arg(e);
        }
    }
    return QStringLiteral("SELECT count(*) FROM \"%1\" WHERE NOT (%2)")
        .arg(table, terms.join(QStringLiteral(" AND ")));
}

TableChecks parseChecks(const QString &table, const QString &createTable) {
    TableChecks c;
    c.table = table;
    const QString &s = createTable;
    for (qsizetype i = 0; i < s.size();) {
        const QChar ch = s.at(i);
        if (ch == u'\'' || ch == u'"' || ch == u'`' || ch == u'[') {
            i = skipQuoted(s, i);
            continue;
        }
        const bool word = s.mid(i, 5).compare(QLatin1String("CHECK"), Qt::CaseInsensitive) == 0 &&
                          (i == 0 || !identifierChar(s.at(i - 1))) &&
                          (i + 5 >= s.size() || !identifierChar(s.at(i + 5)));
        if (!word) {
            ++i;
            continue;
        }
        qsizetype k = i + 5;
        while (k < s.size() && s.at(k).isSpace())
            ++k;
        if (k >= s.size() || s.at(k) != u'(') {
            i = k;
            continue;
        }
        const qsizetype open = k;
        int depth = 0;
        while (k < s.size()) {
            const QChar x = s.at(k);
            if (x == u'\'' || x == u'"' || x == u'`' || x == u'[') {
                k = skipQuoted(s, k);
                continue;
            }
            if (x == u'(')
                ++depth;
            else if (x == u')' && --depth == 0)
                break;
            ++k;
        }
        c.expressions << s.mid(open + 1, k - open - 1).trimmed();
        i = k + 1;
    }
    c.onlyLists = true;
    for (const QString &e : std::as_const(c.expressions)) {
        ValueList l;
        if (parseList(e, &l))
            c.lists << l;
        else
            c.onlyLists = false;
    }
    return c;
}

RowChecks::RowChecks(const QString &insertSql, const QHash<QString, TableChecks> &checks) {
    static const QRegularExpression re(
        QStringLiteral(R"re(^\s*INSERT\s+INTO\s+"?([A-Za-z_][A-Za-z0-9_]*)"?\s*\(([^()]*)\)\s*)re"
                       R"re(VALUES\s*\(([\s?,]*)\))re"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(insertSql);
    if (!m.hasMatch()) {
        m_complete = false; // not a statement this class understands: scan its table afterwards
        return;
    }
    m_table = m.captured(1);
    const auto found = checks.constFind(m_table);
    if (found == checks.cend() || found->expressions.isEmpty())
        return; // no check: nothing to test
    QStringList columns;
    for (const QString &c : splitTopLevel(m.captured(2))) {
        QString name = c.trimmed();
        if (name.startsWith(u'"') && name.endsWith(u'"') && name.size() >= 2)
            name = name.mid(1, name.size() - 2);
        columns << name;
    }
    m_width = int(columns.size());
    // Every value of the first row a parameter of its own, in the columns' order.
    if (m.captured(3).count(u'?') != m_width || !found->onlyLists) {
        m_complete = false;
        return;
    }
    for (const ValueList &l : found->lists) {
        const auto at = columns.indexOf(l.column);
        if (at < 0) {
            m_complete = false; // the column's default is not seen here
            return;
        }
        m_tests.push_back({int(at), l});
    }
}

bool RowChecks::surelyPass(const BindBuffer &buf, qsizetype from, qsizetype n) const {
    if (!m_complete)
        return false;
    if (m_tests.empty() || m_width <= 0)
        return true;
    for (qsizetype row = from; row + m_width <= from + n; row += m_width)
        for (const Test &t : m_tests)
            if (!t.list.allows(buf, buf.at(row + t.parameter)))
                return false;
    return true;
}

} // namespace mikomi::storage

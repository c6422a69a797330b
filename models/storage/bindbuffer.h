#pragma once

// Internal to models/storage: the values of rows waiting to be written by a bulk writer, typed
// and with their text already in UTF-8, instead of a QVariant each (measured: building, moving
// and reading back QVariants was about an eighth of an import's write loop).

#include <QByteArray>
#include <QString>
#include <QStringEncoder>
#include <QVariant>

#include <algorithm>
#include <cstring>
#include <vector>

namespace mikomi::storage {

class BindBuffer final {
public:
    enum class Kind : unsigned char { Null, Int, Real, Text };
    struct Value {
        Kind kind = Kind::Null;
        int size = 0; // of a text, in bytes
        union {
            qint64 integer;
            double real;
            qsizetype offset; // of a text in text()
        };
        Value()
            : integer(0) {}
    };

    void null() { m_values.emplace_back(); }
    void integer(qint64 v) {
        Value &x = m_values.emplace_back();
        x.kind = Kind::Int;
        x.integer = v;
    }
    void real(double v) {
        Value &x = m_values.emplace_back();
        x.kind = Kind::Real;
        x.real = v;
    }
    // A text (an empty one is an empty text, not a null).
    void text(QStringView s) {
        Value &x = m_values.emplace_back();
        x.kind = Kind::Text;
        x.offset = m_used;
        if (s.isEmpty())
            return;
        const qsizetype need = m_used + s.size() * 3;
        if (need > m_text.size())
            m_text.resize(std::max(need, m_text.size() * 2));
        char *start = m_text.data() + m_used;
        char *end = m_encoder.appendToBuffer(start, s);
        x.size = int(end - start);
        m_used += x.size;
    }
    // A text of `n` ASCII characters (its UTF-8 is the same bytes).
    void ascii(const char *s, int n) {
        Value &x = m_values.emplace_back();
        x.kind = Kind::Text;
        x.offset = m_used;
        x.size = n;
        if (m_used + n > m_text.size())
            m_text.resize(std::max(m_used + n, m_text.size() * 2));
        std::memcpy(m_text.data() + m_used, s, std::size_t(n));
        m_used += n;
    }

    qsizetype size() const { return qsizetype(m_values.size()); }
    bool isEmpty() const { return m_values.empty(); }
    const Value &at(qsizetype i) const { return m_values[std::size_t(i)]; }
    // The bytes of a text value (valid until the buffer next changes).
    const char *textData(const Value &v) const { return m_text.constData() + v.offset; }
    // The value as Qt SQL binds it (for a build without SQLite's own API).
    QVariant variant(qsizetype i) const {
        const Value &v = at(i);
        switch (v.kind) {
        case Kind::Null:
            return {};
        case Kind::Int:
            return QVariant(qlonglong(v.integer));
        case Kind::Real:
            return QVariant(v.real);
        case Kind::Text:
            return QString::fromUtf8(textData(v), v.size);
        }
        return {};
    }

    // Forgets every value (keeps the memory).
    void clear() {
        m_values.clear();
        m_used = 0;
    }
    // Forgets the first `n` values; the others move to the front.
    void dropFront(qsizetype n) {
        if (n <= 0)
            return;
        if (n >= size()) {
            clear();
            return;
        }
        // The texts of the values kept are the bytes from the first one kept on (they are
        // appended in order).
        const qsizetype from = textStart(n);
        m_values.erase(m_values.begin(), m_values.begin() + n);
        if (from > 0) {
            std::memmove(m_text.data(), m_text.constData() + from, std::size_t(m_used - from));
            m_used -= from;
            for (Value &v : m_values)
                if (v.kind == Kind::Text)
                    v.offset -= from;
        }
    }
    // Drops the last `n` values (a row begun and given up).
    void dropBack(qsizetype n) {
        n = std::min(n, size());
        if (n <= 0)
            return;
        m_used = textStart(size() - n);
        m_values.resize(m_values.size() - std::size_t(n));
    }

private:
    // Where the texts of the values from `i` on start.
    qsizetype textStart(qsizetype i) const {
        for (qsizetype k = i; k < size(); ++k)
            if (at(k).kind == Kind::Text)
                return at(k).offset;
        return m_used;
    }

    std::vector<Value> m_values;
    QByteArray m_text;
    qsizetype m_used = 0; // bytes of m_text in use
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};

} // namespace mikomi::storage

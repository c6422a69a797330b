#pragma once

// Internal to the import pipeline (services/import*.cpp): the keys rows are matched on.

#include "models/storage/importkeys.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/leadkeys.h"
#include "models/text/normalize.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <utility>

namespace mikomi::services::detail {

// A key with its hash, computed once where the key is made: a row's keys are hashed on the
// reading thread, and the writing thread (the import's busier one) only compares them.
struct HashedKey {
    QString text;
    size_t hash = 0;

    HashedKey() = default;
    explicit HashedKey(QString t)
        : text(std::move(t))
        , hash(qHash(text)) {}
    bool isEmpty() const { return text.isEmpty(); }
    friend bool operator==(const HashedKey &a, const HashedKey &b) noexcept {
        return a.hash == b.hash && a.text == b.text;
    }
    friend size_t qHash(const HashedKey &k, size_t seed = 0) noexcept { return k.hash ^ seed; }
};

// The hash keys a row is matched on, made once (for a CSV row on the reading thread): the matcher
// looks a row up twice (the batch's read-ahead, then the row itself) and adds it once.
struct MatchKeys {
    HashedKey email;
    HashedKey phone;         // phone key + U+001F + family key; "" without a number
    HashedKey mobile;        // the same with the mobile number
    HashedKey companyPerson; // company key + U+001F + person key; "" when both are empty

    static MatchKeys make(const QString &email, const QString &phone, const QString &mobile,
                          const QString &company, const QString &person, const QString &family) {
        MatchKeys m;
        if (!email.isEmpty())
            m.email = HashedKey(email);
        if (!phone.isEmpty())
            m.phone = HashedKey(phone + u'\x1f' + family);
        if (!mobile.isEmpty())
            m.mobile = HashedKey(mobile + u'\x1f' + family);
        if (!company.isEmpty() || !person.isEmpty())
            m.companyPerson = HashedKey(company + u'\x1f' + person);
        return m;
    }
    static MatchKeys of(const storage::LeadKeys &k) {
        return make(k.email, k.phone, k.mobile, k.company, k.person, k.family);
    }
};

// Keys of the leads already in the database (and created by this import), for matching.
class Matcher final {
public:
    Status load(const storage::Database &db, qint64 *count) {
        if (Status st = storage::forEachLeadKeys(
                db,
                [&](storage::StoredLeadKeys &&k) {
                    ++*count;
                    add(k.id, MatchKeys::make(k.email, k.phone, k.mobile, k.company, k.person,
                                              familyKey(k.familyName)));
                });
            !st)
            return st;
        // A lead's extra emails name it too (after every lead's own email, which wins).
        return storage::forEachExtraEmailKey(
            db, [&](qint64 id, const QString &key) { addExtraEmail(id, key); });
    }

    // Room for `n` more leads (a large file: no rehashing as it goes).
    void reserve(qsizetype n) {
        m_email.reserve(m_email.size() + n);
        m_emailOf.reserve(m_emailOf.size() + n);
        m_phoneFamily.reserve(m_phoneFamily.size() + n);
        m_companyPerson.reserve(m_companyPerson.size() + n);
    }

    void addExtras(qint64 id, const QList<ContactPoint> &contacts) {
        for (const ContactPoint &c : contacts) {
            if (c.kind == ContactKind::Email)
                addExtraEmail(id, storage::contactKey(c, QString())); // an email: no region
        }
    }

    // The lead a row with these keys means, or 0.
    qint64 find(const MatchKeys &k) const {
        if (!k.email.isEmpty()) {
            if (const qint64 id = m_email.value(k.email))
                return id;
        }
        // Without an email match, another key may only name a lead without a different email.
        const auto compatible = [&](qint64 id) {
            return id != 0 && (k.email.isEmpty() || m_emailOf.value(id).isEmpty());
        };
        for (const HashedKey *p : {&k.phone, &k.mobile}) {
            if (p->isEmpty())
                continue;
            const qint64 id = m_phoneFamily.value(*p);
            if (compatible(id))
                return id;
        }
        // Company + person; with no company, the person alone (a card with just a name).
        if (!k.companyPerson.isEmpty()) {
            const qint64 id = m_companyPerson.value(k.companyPerson);
            if (compatible(id))
                return id;
        }
        return 0;
    }

    // A batch of rows is looked up ahead (to read the leads they match at once). A row's answer
    // then still holds unless a row before it in the batch added one of its keys, or changed an
    // existing lead's keys (a merge): from startBatch() on, the matcher records both.
    void startBatch() {
        m_batchKeys.clear();
        m_batchKeys.reserve(kBatchKeys);
        m_batchChanged = false;
        m_recording = true;
    }
    bool unchangedFor(const MatchKeys &k) const {
        if (m_batchChanged)
            return false;
        for (const HashedKey *key : {&k.email, &k.phone, &k.mobile, &k.companyPerson}) {
            if (!key->isEmpty() && m_batchKeys.contains(*key))
                return false;
        }
        return true;
    }

    // `existing`: the keys of a lead stored before (a merge changed them), not a new one.
    void add(qint64 id, const MatchKeys &k, bool existing = false) {
        if (m_recording) {
            m_batchChanged = m_batchChanged || existing;
            for (const HashedKey *key : {&k.email, &k.phone, &k.mobile, &k.companyPerson}) {
                if (!key->isEmpty())
                    m_batchKeys.insert(*key);
            }
        }
        if (!k.email.isEmpty()) {
            m_email.insert(k.email, id);
            m_emailOf.insert(id, k.email.text);
        }
        for (const HashedKey *p : {&k.phone, &k.mobile}) {
            if (!p->isEmpty())
                m_phoneFamily.insert(*p, id);
        }
        if (!k.companyPerson.isEmpty())
            m_companyPerson.insert(k.companyPerson, id);
    }

    qint64 byEmail(const QString &email) const {
        return m_email.value(HashedKey(text::normalizeEmail(email)));
    }

private:
    static constexpr qsizetype kBatchKeys = 1024; // a batch's rows, a few keys each

    static QString familyKey(const QString &family) { return text::personKey(family, QString()); }

    void addExtraEmail(qint64 id, const QString &text) {
        if (text.isEmpty())
            return;
        const HashedKey key(text);
        if (!m_email.contains(key)) {
            m_email.insert(key, id);
            if (m_recording)
                m_batchKeys.insert(key);
        }
    }

    QHash<HashedKey, qint64> m_email, m_phoneFamily, m_companyPerson;
    QHash<qint64, QString> m_emailOf;
    QSet<HashedKey> m_batchKeys; // keys added since startBatch()
    bool m_batchChanged = false;
    bool m_recording = false;
};

} // namespace mikomi::services::detail

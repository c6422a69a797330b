#include "models/storage/changefeed.h"

#include "models/storage/database.h"
#include "models/storage/pgnotify.h"

#include "models/domain/log.h"

#include <algorithm>

namespace mikomi::storage {
namespace {

// Past this many leads in one change the ids are dropped ("any lead"): a listener reloads
// anyway, and a bulk update should not carry a list as long as the table.
constexpr qsizetype kMaxListedLeads = 5000;

} // namespace

ChangeFeed::ChangeFeed(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db) {
    qRegisterMetaType<DataChange>();
}

void ChangeFeed::note(DataKinds kinds) {
    if (!kinds)
        return;
    const bool inTransaction = m_db.transactionDepth() > 0;
    // Row by row in a bulk write: nothing new to record.
    if (inTransaction && (m_pending & kinds) == kinds &&
        (m_leadsUnlisted || !(kinds & DataKind::Leads)))
        return;
    m_pending |= kinds;
    if (kinds & DataKind::Leads) {
        m_leadsUnlisted = true;
        m_leads.clear();
    }
    if (!inTransaction)
        flush();
}

void ChangeFeed::noteLeads(const QList<qint64> &ids, DataKinds also) {
    m_pending |= also;
    if (!ids.isEmpty()) {
        m_pending |= DataKind::Leads;
        if (!m_leadsUnlisted) {
            for (qint64 id : ids)
                m_leads.insert(id);
            if (m_leads.size() > kMaxListedLeads) {
                m_leadsUnlisted = true;
                m_leads.clear();
            }
        }
    }
    if (m_db.transactionDepth() == 0)
        flush();
}

DataChange ChangeFeed::pending() const {
    DataChange change;
    change.kinds = m_pending;
    if (!m_leadsUnlisted && (m_pending & DataKind::Leads)) {
        change.leadIds = QList<qint64>(m_leads.cbegin(), m_leads.cend());
        std::sort(change.leadIds.begin(), change.leadIds.end());
    }
    return change;
}

void ChangeFeed::flush() {
    const DataChange change = pending();
    discard();
    // A write outside a transaction (committed by itself): announced to the others now. Inside
    // one, Transaction::commit announced it before committing.
    if (m_db.transactionDepth() == 0 && !m_inCommit) {
        if (Status s = notifyServer(m_db, change); !s)
            qCWarning(log::storage, "change not announced to the others: %s",
                      qUtf8Printable(s.error()));
    }
    publish(change);
}

void ChangeFeed::discard() {
    m_pending = {};
    m_leads.clear();
    m_leadsUnlisted = false;
}

void ChangeFeed::publish(const DataChange &change) {
    if (change.isEmpty())
        return;
    ++m_published;
    emit changed(change);
}

} // namespace mikomi::storage

#include "models/services/leadcreation.h"

#include "models/domain/scoring.h"
#include "models/storage/assignment.h"
#include "models/storage/bulkwriter.h"
#include "models/storage/database.h"
#include "models/storage/followups.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"

#include <algorithm>
#include <utility>

namespace mikomi::services {
namespace {

QDateTime atStartOfDay(const std::optional<QDate> &d, const QDateTime &fallback) {
    return d ? d->startOfDay() : fallback;
}

} // namespace

LeadCreation::LeadCreation(storage::Database &db, Options options)
    : m_db(db)
    , m_o(std::move(options)) {}

LeadCreation::~LeadCreation() = default;

void LeadCreation::setNow() {
    m_now = m_o.now.isValid() ? m_o.now : QDateTime::currentDateTime();
    m_followUpSince = m_now.addDays(-m_o.followUpDays); // once: addDays calls mktime
}

Status LeadCreation::load() {
    setNow();
    auto rules = storage::ScoringStore(m_db).load();
    if (!rules)
        return rules.failure();
    m_scorer = std::make_unique<scoring::Scorer>(*rules);
    m_scoresSource =
        std::any_of(rules->attributes.cbegin(), rules->attributes.cend(),
                    [](const scoring::AttributeRule &r) { return r.field == u"source"; });
    m_assigner = std::make_unique<storage::Assigner>(m_db);
    if (Status s = m_assigner->load(); !s)
        return s;
    m_sourceNames.clear();
    m_loaded = true;
    return {};
}

Result<QString> LeadCreation::storedSourceName(const QString &name) {
    const auto it = m_sourceNames.constFind(name);
    if (it != m_sourceNames.cend())
        return *it;
    storage::SourceRepository sources(m_db);
    auto id = sources.resolve(name, false);
    if (!id)
        return id.failure();
    QString stored = name; // a source not stored yet is created under the name given
    if (*id > 0) {
        auto source = sources.get(*id);
        if (!source)
            return source.failure();
        stored = source->name;
    }
    m_sourceNames.insert(name, stored);
    return stored;
}

Status LeadCreation::prepare(Lead &lead) {
    if (!m_loaded) {
        if (Status s = load(); !s)
            return s;
    }
    if (!lead.createdAt.isValid())
        lead.createdAt = m_now;
    if (!lead.updatedAt.isValid())
        lead.updatedAt = m_now;
    if (m_scoresSource && !lead.source.isEmpty()) {
        auto stored = storedSourceName(lead.source);
        if (!stored)
            return stored.failure();
        const QString given = std::exchange(lead.source, *stored);
        lead.score = m_scorer->score(lead, {}, m_now);
        lead.source = given;
    } else {
        lead.score = m_scorer->score(lead, {}, m_now);
    }
    if (lead.owner.isEmpty()) {
        auto owner = m_assigner->ownerFor(lead);
        if (!owner)
            return owner.failure();
        lead.owner = *owner;
    }
    return {};
}

QList<StageChange> LeadCreation::history(const Lead &lead) const {
    QList<StageChange> out;
    appendHistory(lead, out);
    return out;
}

void LeadCreation::appendHistory(const Lead &lead, QList<StageChange> &out) const {
    StageChange first;
    first.toStage = Stage::Inquiry;
    first.changedAt = lead.createdAt;
    first.user = m_o.user;
    out.append(first);
    if (lead.stage > Stage::Inquiry) {
        StageChange c;
        c.fromStage = Stage::Inquiry;
        c.toStage = lead.stage;
        c.changedAt = lead.stage == Stage::Customer ? atStartOfDay(lead.wonAt, lead.createdAt)
                                                    : lead.createdAt;
        c.changedAt = std::max(c.changedAt, lead.createdAt);
        c.user = m_o.user;
        out.append(c);
    }
    if (lead.lost) {
        StageChange c;
        c.fromStage = lead.stage;
        c.toStage = lead.stage;
        c.lost = true;
        c.changedAt = std::max(atStartOfDay(lead.lostAt, lead.createdAt), lead.createdAt);
        c.user = m_o.user;
        c.note = lead.lostReason;
        out.append(c);
    }
}

bool LeadCreation::wantsFollowUp(const Lead &lead) const {
    return m_o.followUpDays > 0 && lead.stage == Stage::Inquiry && !lead.lost &&
           lead.createdAt >= m_followUpSince;
}

Result<qint64> LeadCreation::create(Lead &lead) {
    storage::Transaction tx(m_db);
    if (!tx.started())
        return tx.failure();
    // The rules as they are now, and the time of this lead.
    if (Status s = load(); !s)
        return s.failure();
    lead.id = 0;
    if (Status s = prepare(lead); !s)
        return s.failure();
    auto id = storage::LeadRepository(m_db).insert(lead, history(lead));
    if (!id)
        return id;
    if (wantsFollowUp(lead)) {
        if (auto task = storage::FollowUpRepository(m_db).createForLead(*id); !task)
            return task.failure();
    }
    if (Status s = m_assigner->save(); !s)
        return s.failure();
    if (Status s = tx.commit(); !s)
        return s.failure();
    return id;
}

Status LeadCreation::create(Lead &lead, storage::BulkWriter &writer,
                            const storage::LeadKeys &keys) {
    if (Status s = prepare(lead); !s)
        return s;
    auto id = writer.insertLead(lead, {}, &keys);
    if (!id)
        return id.failure();
    lead.id = *id;
    if (wantsFollowUp(lead))
        m_followUps.append(lead.id);
    m_history.clear(); // keeps its capacity: no allocation per lead
    appendHistory(lead, m_history);
    for (const StageChange &c : std::as_const(m_history)) {
        if (Status st = writer.insertStageChange(lead.id, c); !st)
            return st;
    }
    return {};
}

Result<int> LeadCreation::finish(const std::function<bool()> &cancelled) {
    int created = 0;
    storage::FollowUpRepository tasks(m_db);
    for (const qint64 id : std::as_const(m_followUps)) {
        if (cancelled && cancelled())
            return created;
        auto t = tasks.createForLead(id);
        if (!t)
            return t.failure();
        ++created;
    }
    m_followUps.clear();
    if (m_assigner) {
        if (Status s = m_assigner->save(); !s)
            return s.failure();
    }
    return created;
}

} // namespace mikomi::services

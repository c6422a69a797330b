#include "models/services/demowriter.h"

#include "models/demo/demogenerator.h"
#include "models/storage/bulkwriter.h"
#include "models/storage/repositories.h"

#include <optional>

namespace mikomi::services {
namespace {

// Writes what the generator streams; stops at the first error.
class DbSink final : public demo::DemoSink {
public:
    DbSink(storage::Database &db, const std::function<void(qint64)> &progress)
        : m_repo(db)
        , m_bulk(db, true)
        , m_progress(progress) {}

    void users(const QList<User> &users) override {
        for (const User &u : users) {
            if (!check(m_repo.users().resolve(u.name)))
                return;
            if (!u.active)
                check(m_repo.users().setActive(u.name, false));
        }
    }
    void sources(const QList<Source> &sources) override {
        for (const Source &s : sources) {
            auto id = m_repo.sources().resolve(s.name, true, s.category, s.tier);
            if (!check(id))
                return;
            for (const QString &alias : s.aliases)
                check(m_repo.sources().addAlias(alias, *id));
        }
    }
    void lead(const Lead &lead, const QList<StageChange> &history,
              const QList<Touchpoint> &touchpoints, const QList<Activity> &activities) override {
        auto id = m_bulk.insertLead(lead, activities);
        if (!check(id))
            return;
        for (const StageChange &c : history)
            check(m_bulk.insertStageChange(*id, c));
        for (const Touchpoint &t : touchpoints)
            check(m_bulk.insertTouchpoint(*id, t));
        ++m_written;
        if (m_progress && m_written % 10000 == 0)
            m_progress(m_written);
    }
    void spend(const QList<SpendRow> &rows) override {
        for (const SpendRow &r : rows)
            check(m_repo.setSpend(r));
    }
    void campaigns(const QList<Campaign> &campaigns) override {
        for (Campaign c : campaigns)
            check(m_repo.addCampaign(c));
    }
    bool stopRequested() const override { return !m_error.isEmpty(); }
    Status finish() { return m_bulk.finish(); }

    QString error() const { return m_error; }
    qint64 written() const { return m_written; }

private:
    template <typename R> bool check(const R &r) {
        if (!r.ok() && m_error.isEmpty())
            m_error = r.error();
        return r.ok();
    }

    storage::LeadRepository m_repo;
    storage::BulkWriter m_bulk;
    std::function<void(qint64)> m_progress;
    QString m_error;
    qint64 m_written = 0;
};

} // namespace

Result<qint64> writeDemo(storage::Database &db, qint64 leads, quint64 seed, const QDate &today,
                         const std::function<void(qint64 done)> &progress) {
    storage::BulkJournal journal(db);
    storage::Transaction tx(db);
    if (!tx.started())
        return Error{tx.error()};
    DbSink sink(db, progress);
    demo::DemoOptions options;
    options.leads = leads;
    options.seed = seed;
    options.today = today;
    demo::generate(options, sink);
    if (!sink.error().isEmpty())
        return Error{sink.error()};
    if (Status s = sink.finish(); !s)
        return Error{s.error()};
    if (Status s = tx.commit(); !s)
        return Error{s.error()};
    return sink.written();
}

} // namespace mikomi::services

#pragma once

#include "models/domain/lead.h"

#include <QDate>
#include <QList>

// Realistic sample data for `mikomi demo` and for benchmarks: Japanese (~70%) and English leads,
// all five source categories plus unknown, stage histories, touchpoints, activities, monthly spend
// and campaigns. Deterministic: the same options give the same data on every platform. Streams
// its output, so a million leads never sit in memory at once. No database here; a writer in
// services/ stores what the sink receives.
namespace mikomi::demo {

struct DemoOptions {
    qint64 leads = 2000;
    quint64 seed = 1;
    // "Today": everything generated lies before this date (creation dates over the 24 calendar
    // months up to it). Required; the caller fixes it (usually QDate::currentDate()) so that the
    // output is a pure function of the options.
    QDate today;
};

// Receives the generated data. Call order: users, sources, then lead() once per lead in order,
// then spend, then campaigns. Ids are 0 (the writer assigns them); StageChange/Touchpoint/
// Activity leadId are 0 too: they belong to the lead they arrive with. Source and owner fields
// hold the canonical source name and the user name. The lists passed to lead() are reused for
// the next lead: copy what you keep.
class DemoSink {
public:
    virtual ~DemoSink() = default;
    virtual void users(const QList<User> &users) = 0;
    virtual void sources(const QList<Source> &sources) = 0;
    virtual void lead(const Lead &lead, const QList<StageChange> &history,
                      const QList<Touchpoint> &touchpoints, const QList<Activity> &activities) = 0;
    virtual void spend(const QList<SpendRow> &rows) = 0;
    virtual void campaigns(const QList<Campaign> &campaigns) = 0;
    // Asked before each lead; returning true stops generate() at once (no more calls: spend and
    // campaigns are skipped too).
    virtual bool stopRequested() const { return false; }
};

// Generates options.leads leads (none when options.today is invalid or leads <= 0; users and
// sources are still sent when today is valid).
void generate(const DemoOptions &options, DemoSink &sink);

} // namespace mikomi::demo

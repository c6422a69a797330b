#pragma once

#include "models/analytics/facts.h"
#include "models/domain/result.h"
#include "ui/page.h"

#include <memory>

namespace mikomi::ui {

class BackgroundReader;

// A page computed from the report facts (Dashboard, Budget, Planner). The facts are read when
// the page is shown after the database was set or reloaded (at once when it is visible, never
// while it is hidden), kept, and the page recomputes from them when only its inputs change.
//
// The facts are read on a worker thread (BackgroundReader, its own connection), so the window
// stays responsive on a large database: loading() is true meanwhile and, when it takes longer
// than a moment, the page is dimmed under a "reading" line. Until they arrive the page shows
// the facts it had (of the same database; those of another database are cleared at once); a
// read that a newer one superseded never reaches the page.
class FactsPage : public Page {
    Q_OBJECT
public:
    explicit FactsPage(QWidget *parent = nullptr);
    void setDatabase(storage::Database *db) override;
    void reload() override;

protected:
    void showEvent(QShowEvent *event) override;
    // On a language change: retranslate(), then recompute() when the facts are read.
    void changeEvent(QEvent *event) override;

    storage::Database *database() const { return m_db; }
    const analytics::Facts &facts() const { return *m_facts; }
    analytics::Facts &facts() { return *m_facts; }
    // The same facts, for work on another thread (never changed once handed out: a new read
    // replaces them).
    std::shared_ptr<const analytics::Facts> sharedFacts() const { return m_facts; }
    // True until the page has read the database it shows (set, or reloaded, while hidden).
    bool isStale() const { return m_stale; }
    // The message of the last read when it failed (then facts() is empty); empty otherwise.
    const QString &loadError() const { return m_loadError; }
    // Marks work of the page's own on the facts as running in the background (the page counts
    // as loading() meanwhile, with its veil).
    void setComputing(bool computing);

    // Reads everything the page shows: marks it fresh, then loadFacts(). Pages that show more
    // than the facts read it first and call this.
    virtual void load();
    // Reads the facts again in the background (none without a database: then at once), then
    // recompute(); an error goes to showLoadError() and leaves none.
    virtual void loadFacts();
    // Fills the page from facts() and its inputs.
    virtual void recompute() = 0;
    virtual void retranslate() = 0;
    virtual void showLoadError(const QString &message) = 0;

private:
    void factsRead(Result<analytics::Facts> facts);
    // Shows no facts (recompute() on none).
    void clearFacts();

    storage::Database *m_db = nullptr;
    BackgroundReader *m_reader = nullptr;
    std::shared_ptr<analytics::Facts> m_facts = std::make_shared<analytics::Facts>();
    bool m_stale = true;
    // Which setDatabase() the facts on screen were read after (0: none are on screen).
    quint64 m_dbSerial = 1;
    quint64 m_shownSerial = 0;
    QString m_loadError;
    bool m_computing = false;
};

} // namespace mikomi::ui

#pragma once

#include "models/analytics/facts.h"
#include "ui/page.h"

namespace mikomi::ui {

// A page computed from the report facts (Dashboard, Budget, Planner). The facts are read when
// the page is shown after the database was set or reloaded (at once when it is visible, never
// while it is hidden), kept, and the page recomputes from them when only its inputs change.
class FactsPage : public Page {
    Q_OBJECT
public:
    using Page::Page;
    void setDatabase(storage::Database *db) override;
    void reload() override;

protected:
    void showEvent(QShowEvent *event) override;
    // On a language change: retranslate(), then recompute() when the facts are read.
    void changeEvent(QEvent *event) override;

    storage::Database *database() const { return m_db; }
    const analytics::Facts &facts() const { return m_facts; }
    analytics::Facts &facts() { return m_facts; }
    // True until the page has read the database it shows (set, or reloaded, while hidden).
    bool isStale() const { return m_stale; }

    // Reads everything the page shows: marks it fresh, then loadFacts(). Pages that show more
    // than the facts read it first and call this.
    virtual void load();
    // Reads the facts again (none without a database; an error goes to showLoadError() and
    // leaves none), then recompute().
    virtual void loadFacts();
    // Fills the page from facts() and its inputs.
    virtual void recompute() = 0;
    virtual void retranslate() = 0;
    virtual void showLoadError(const QString &message) = 0;

private:
    storage::Database *m_db = nullptr;
    analytics::Facts m_facts;
    bool m_stale = true;
};

} // namespace mikomi::ui

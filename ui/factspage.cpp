#include "ui/factspage.h"

#include "models/services/reportloader.h"

#include <QEvent>

namespace mikomi::ui {

void FactsPage::setDatabase(storage::Database *db) {
    m_db = db;
    m_facts = {};
    m_stale = true;
    if (isVisible())
        load();
}

void FactsPage::reload() {
    m_stale = true;
    if (isVisible())
        load();
}

void FactsPage::showEvent(QShowEvent *event) {
    Page::showEvent(event);
    if (m_stale)
        load();
}

void FactsPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (!m_stale)
            recompute();
    }
    Page::changeEvent(event);
}

void FactsPage::load() {
    m_stale = false;
    loadFacts();
}

void FactsPage::loadFacts() {
    m_facts = {};
    if (m_db) {
        auto facts = services::loadFacts(*m_db);
        if (facts)
            m_facts = std::move(*facts);
        else
            showLoadError(facts.error());
    }
    recompute();
}

} // namespace mikomi::ui

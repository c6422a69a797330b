#include "ui/factspage.h"

#include "models/services/reportloader.h"
#include "ui/backgroundreader.h"

#include <QEvent>

namespace mikomi::ui {

FactsPage::FactsPage(QWidget *parent)
    : Page(parent)
    , m_reader(new BackgroundReader(this)) {
    connect(m_reader, &BackgroundReader::busyChanged, this,
            [this](bool busy) { setLoading(busy || m_computing); });
}

void FactsPage::setComputing(bool computing) {
    m_computing = computing;
    setLoading(m_reader->busy() || m_computing);
}

void FactsPage::setDatabase(storage::Database *db) {
    m_db = db;
    m_reader->cancel(); // a read of the previous database never reaches the page
    ++m_dbSerial;
    m_facts = std::make_shared<analytics::Facts>();
    m_stale = true;
    if (isVisible())
        load();
    else if (m_shownSerial)
        clearFacts(); // nothing of the previous database stays, even on a hidden page
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
    if (!m_db) {
        m_reader->cancel();
        clearFacts();
        return;
    }
    if (m_shownSerial && m_shownSerial != m_dbSerial)
        clearFacts(); // those of another database: not while this one is read
    m_reader->read<analytics::Facts>(
        *m_db, [](storage::Database &db) { return services::loadFacts(db); },
        [this](Result<analytics::Facts> facts) { factsRead(std::move(facts)); });
}

void FactsPage::factsRead(Result<analytics::Facts> facts) {
    m_shownSerial = m_dbSerial;
    if (facts) {
        m_loadError.clear();
        m_facts = std::make_shared<analytics::Facts>(std::move(*facts));
        recompute();
        return;
    }
    m_facts = std::make_shared<analytics::Facts>();
    m_loadError = facts.error();
    showLoadError(facts.error());
    recompute();
}

void FactsPage::clearFacts() {
    m_facts = std::make_shared<analytics::Facts>();
    m_loadError.clear();
    m_shownSerial = 0;
    recompute();
}

} // namespace mikomi::ui

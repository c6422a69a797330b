#include "ui/touchpointdialog.h"
#include "ui/messagebox.h"

#include "models/domain/utm.h"
#include "models/storage/leadsourcequery.h"
#include "models/storage/repositories.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalBlocker>

namespace mikomi::ui {

TouchpointDialog::TouchpointDialog(storage::Database &db, qint64 leadId, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_leadId(leadId) {
    m_form = new QFormLayout(this);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("utmUrl"));
    m_url->setPlaceholderText(
        QStringLiteral("https://example.jp/?utm_source=google&utm_medium=cpc&utm_campaign=…"));
    m_urlStatus = new QLabel(this);
    m_urlStatus->setObjectName(QStringLiteral("urlStatus"));
    m_when = new QDateTimeEdit(QDateTime::currentDateTime(), this);
    m_when->setCalendarPopup(true);
    m_source = new QComboBox(this);
    m_source->setEditable(true);
    if (auto list = storage::SourceRepository(m_db).list(
            storage::SourceRepository::LeadCounts::NotCounted)) {
        for (const Source &s : *list)
            m_source->addItem(s.name);
    }
    m_source->setCurrentText(QString());
    m_medium = new QLineEdit(this);
    m_campaign = new QLineEdit(this);
    m_content = new QLineEdit(this);
    m_sources = new QLabel(this);
    m_sources->setWordWrap(true);
    const QList<QWidget *> fields{m_url,    m_urlStatus, m_when,   m_source,
                                  m_medium, m_campaign,  m_content};
    for (QWidget *w : fields) {
        auto *label = new QLabel(this);
        m_labels.append(label);
        m_form->addRow(label, w);
    }
    m_form->addRow(m_sources);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TouchpointDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TouchpointDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, [this](const QString &t) {
        if (t.trimmed().isEmpty())
            m_urlStatus->clear();
        else if (!readUrl(t))
            m_urlStatus->setText(tr("No utm_ parameters in this URL."));
    });
    retranslate();
    showSources();
    resize(560, sizeHint().height());
}

bool TouchpointDialog::readUrl(const QString &url) {
    if (m_url->text() != url) {
        const QSignalBlocker block(m_url);
        m_url->setText(url);
    }
    const auto f = utm::parse(url);
    if (!f)
        return false;
    QString status = tr("Read from the URL.");
    if (!f->source.isEmpty()) {
        // Through the aliases: "google" and "Google" land on the same source.
        const auto canonical = storage::SourceRepository(m_db).canonicalName(f->source);
        if (!canonical)
            status = tr("Read from the URL, but the source \"%1\" could not be looked up: %2")
                         .arg(f->source, canonical.error());
        m_source->setCurrentText(canonical && *canonical ? **canonical : f->source);
    }
    m_medium->setText(f->medium);
    m_campaign->setText(f->campaign);
    m_content->setText(f->content);
    m_urlStatus->setText(status);
    return true;
}

void TouchpointDialog::accept() {
    Touchpoint tp;
    tp.leadId = m_leadId;
    tp.occurredAt = m_when->dateTime();
    tp.source = m_source->currentText().trimmed();
    tp.medium = m_medium->text().trimmed();
    tp.campaign = m_campaign->text().trimmed();
    tp.content = m_content->text().trimmed();
    tp.url = m_url->text().trimmed();
    if (tp.source.isEmpty()) {
        MessageBox::warning(this, windowTitle(), tr("Enter the source of the touchpoint."));
        return;
    }
    storage::LeadRepository repo(m_db);
    if (auto id = repo.addTouchpoint(tp); !id) {
        MessageBox::warning(this, windowTitle(), id.error());
        return;
    }
    QDialog::accept();
}

void TouchpointDialog::showSources() {
    auto s = storage::leadSources(m_db, m_leadId);
    if (!s) {
        m_sources->setText(s.error());
        return;
    }
    const QString none = tr("(unknown)");
    m_sources->setText(tr("Original source: %1 · Latest source: %2")
                           .arg(s->original.isEmpty() ? none : s->original,
                                s->latest.isEmpty() ? none : s->latest));
}

void TouchpointDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void TouchpointDialog::retranslate() {
    setWindowTitle(tr("Add touchpoint"));
    const QStringList labels{tr("Paste URL:"),
                             QString(),
                             tr("When:"),
                             tr("Source (utm_source):"),
                             tr("Medium (utm_medium):"),
                             tr("Campaign (utm_campaign):"),
                             tr("Content (utm_content):")};
    for (int i = 0; i < m_labels.size(); ++i)
        m_labels.at(i)->setText(labels.value(i));
}

} // namespace mikomi::ui

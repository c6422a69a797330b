#include "ui/cardentrydialog.h"

#include "models/appsettings.h"
#include "models/storage/duplicates.h"
#include "models/storage/leadquery.h"
#include "models/storage/repositories.h"
#include "ui/leadcommands.h"
#include "ui/leadeditor.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QShortcut>
#include <QUndoStack>
#include <QVBoxLayout>

#include <memory>

namespace mikomi::ui {
namespace {

struct CardField {
    const char *key;
    const char *label;
};

// Tab order of the form: the order of a Japanese business card.
const CardField kCardFields[] = {
    {"company", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Company")},
    {"department", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Department")},
    {"title", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Title")},
    {"familyName", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Family name")},
    {"givenName", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Given name")},
    {"familyReading", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Family name reading")},
    {"givenReading", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Given name reading")},
    {"phone", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Phone")},
    {"email", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Email")},
    {"postalCode", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Postal code")},
    {"prefecture", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Prefecture / state")},
    {"city", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "City")},
    {"street", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Street")},
};

} // namespace

CardEntryDialog::CardEntryDialog(storage::Database &db, QUndoStack *undo, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_undo(undo) {
    auto *layout = new QVBoxLayout(this);
    auto *session = new QFormLayout;
    m_sourceLabel = new QLabel(this);
    m_source = new QComboBox(this);
    m_source->setEditable(true);
    if (auto sources = storage::SourceRepository(db).list()) {
        for (const Source &s : *sources) {
            if (s.category == SourceCategory::Event)
                m_source->addItem(s.name);
        }
        for (const Source &s : *sources) {
            if (s.category != SourceCategory::Event)
                m_source->addItem(s.name);
        }
    }
    m_ownerLabel = new QLabel(this);
    m_owner = new QLineEdit(AppSettings().ownerName(), this);
    session->addRow(m_sourceLabel, m_source);
    session->addRow(m_ownerLabel, m_owner);
    layout->addLayout(session);

    auto *form = new QGridLayout;
    int row = 0;
    int col = 0;
    for (const CardField &f : kCardFields) {
        const QString key = QString::fromLatin1(f.key);
        auto *label = new QLabel(this);
        auto *edit = new QLineEdit(this);
        edit->setObjectName(key);
        label->setBuddy(edit);
        m_labels.insert(key, label);
        m_fields.append({key, edit});
        // Two columns: left the person, right the contact details.
        form->addWidget(label, row, col * 2);
        form->addWidget(edit, row, col * 2 + 1);
        if (++row == 7) {
            row = 0;
            col = 1;
        }
    }
    layout->addLayout(form);
    for (qsizetype i = 1; i < m_fields.size(); ++i)
        setTabOrder(m_fields.at(i - 1).second, m_fields.at(i).second);

    m_hint = new QLabel(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_counter = new QLabel(this);
    QFont big = m_counter->font();
    big.setBold(true);
    m_counter->setFont(big);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_counter);
    statusRow->addStretch();
    statusRow->addWidget(m_hint);
    layout->addLayout(statusRow);
    layout->addWidget(m_status);
    m_recentLabel = new QLabel(this);
    m_recent = new QListWidget(this);
    m_recent->setFocusPolicy(Qt::ClickFocus); // Tab cycles through the form only
    layout->addWidget(m_recentLabel);
    layout->addWidget(m_recent);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit leadActivated(item->data(Qt::UserRole).toLongLong());
    });

    for (const QKeySequence &seq :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *sc = new QShortcut(seq, this);
        sc->setContext(Qt::WindowShortcut);
        connect(sc, &QShortcut::activated, this, &CardEntryDialog::saveCard);
    }
    connect(m_source, &QComboBox::currentTextChanged, this, &CardEntryDialog::updateCounter);
    retranslate();
    updateCounter();
    resize(760, 520);
    m_fields.first().second->setFocus();
}

QLineEdit *CardEntryDialog::line(const QString &key) const {
    for (const auto &[k, e] : m_fields) {
        if (k == key)
            return e;
    }
    return nullptr;
}

void CardEntryDialog::setSource(const QString &source) {
    m_source->setCurrentText(source);
    updateCounter();
}

void CardEntryDialog::setOwner(const QString &owner) {
    m_owner->setText(owner);
}

QString CardEntryDialog::statusText() const {
    return m_status->text();
}

void CardEntryDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void CardEntryDialog::retranslate() {
    setWindowTitle(tr("Business-card entry"));
    m_sourceLabel->setText(tr("Event (source)"));
    m_ownerLabel->setText(tr("Owner"));
    for (const CardField &f : kCardFields)
        m_labels.value(QString::fromLatin1(f.key))->setText(tr(f.label));
    m_hint->setText(tr("Ctrl+Enter saves the card and starts the next one."));
    m_recentLabel->setText(tr("Last cards (double-click to correct):"));
    m_counter->setText(tr("%n card(s) entered today", nullptr, m_today));
}

void CardEntryDialog::updateCounter() {
    storage::LeadFilter f;
    const QDate today = QDate::currentDate();
    f.createdFrom = today;
    f.createdTo = today;
    auto id = storage::SourceRepository(m_db).resolve(m_source->currentText(), false);
    if (id && *id > 0) {
        f.sourceId = *id;
        auto n = storage::LeadQuery(m_db).count(f);
        m_today = n ? int(*n) : 0;
    } else {
        m_today = 0;
    }
    m_counter->setText(tr("%n card(s) entered today", nullptr, m_today));
}

bool CardEntryDialog::saveCard() {
    Lead l;
    for (const auto &[key, edit] : m_fields) {
        const QString v = edit->text().trimmed();
        if (key == QLatin1String("company"))
            l.company = v;
        else if (key == QLatin1String("department"))
            l.department = v;
        else if (key == QLatin1String("title"))
            l.title = v;
        else if (key == QLatin1String("familyName"))
            l.familyName = v;
        else if (key == QLatin1String("givenName"))
            l.givenName = v;
        else if (key == QLatin1String("familyReading"))
            l.familyReading = v;
        else if (key == QLatin1String("givenReading"))
            l.givenReading = v;
        else if (key == QLatin1String("phone"))
            l.phone = v;
        else if (key == QLatin1String("email"))
            l.email = v;
        else if (key == QLatin1String("postalCode"))
            l.postalCode = v;
        else if (key == QLatin1String("prefecture"))
            l.prefecture = v;
        else if (key == QLatin1String("city"))
            l.city = v;
        else if (key == QLatin1String("street"))
            l.street = v;
    }
    l.source = m_source->currentText().trimmed();
    l.owner = m_owner->text().trimmed();
    l.createdAt = QDateTime::currentDateTime();
    l.updatedAt = l.createdAt;
    m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
    if (l.company.isEmpty() && l.familyName.isEmpty()) {
        m_status->setText(tr("Enter at least a company or a family name."));
        m_fields.first().second->setFocus();
        return false;
    }
    const auto issues = validateLead(l);
    if (!issues.isEmpty()) {
        m_status->setText(issues.first().second);
        if (QLineEdit *e = line(issues.first().first))
            e->setFocus();
        return false;
    }
    auto dups = storage::findDuplicates(m_db, l);
    // The command stays on the undo stack after this dialog closes: its callbacks share the
    // error text instead of pointing into this function.
    auto error = std::make_shared<QString>();
    auto *cmd = new SaveLeadCommand(
        m_db, l, std::nullopt, l.owner, [] {}, [error](const QString &m) { *error = m; });
    qint64 id = 0;
    if (m_undo) {
        m_undo->push(cmd); // a failed command is dropped by the stack: read nothing from it then
        if (error->isEmpty())
            id = cmd->leadId();
    } else {
        cmd->redo();
        id = cmd->leadId();
        delete cmd;
    }
    if (!error->isEmpty()) {
        m_status->setText(*error);
        return false;
    }
    const QString name = l.displayName(QLocale().language() == QLocale::Japanese);
    auto *item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(l.company, name));
    item->setData(Qt::UserRole, id);
    m_recent->insertItem(0, item);
    while (m_recent->count() > 5)
        delete m_recent->takeItem(m_recent->count() - 1);
    if (dups && !dups->isEmpty()) {
        m_status->setStyleSheet(QStringLiteral("color: #8a5a00;"));
        m_status->setText(tr("Saved. Note: this card may duplicate a lead already stored (%1); "
                             "use Find duplicates on the Leads page to merge.")
                              .arg(storage::duplicateReasonLabel(dups->first().reason)));
    } else {
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Saved: %1").arg(l.company.isEmpty() ? name : l.company));
    }
    for (const auto &[key, edit] : m_fields)
        edit->clear();
    m_fields.first().second->setFocus();
    updateCounter();
    emit cardSaved(id);
    return true;
}

} // namespace mikomi::ui

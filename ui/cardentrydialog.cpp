#include "ui/cardentrydialog.h"

#include "models/appsettings.h"
#include "models/commands/leadcommands.h"
#include "models/ocr/cardimage.h"
#include "models/storage/leadimages.h"
#include "models/storage/leadquery.h"
#include "models/storage/repositories.h"
#include "models/storage/spendstore.h"
#include "ui/cardscanpanel.h"
#include "ui/messagebox.h"
#include "ui/readingcapture.h"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>
#include <iterator>
#include <memory>

namespace mikomi::ui {
namespace {

struct CardField {
    const char *key;
    const char *label;
    QString Lead::*member;
};

// Tab order of the form: the order of a Japanese business card. The first seven fields form the
// left column (the person), the rest the right column (how to reach them); notes span both.
const CardField kCardFields[] = {
    {"company", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Company"), &Lead::company},
    {"department", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Department"),
     &Lead::department},
    {"title", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Title"), &Lead::title},
    {"familyName", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Family name"),
     &Lead::familyName},
    {"givenName", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Given name"), &Lead::givenName},
    {"familyReading", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Family name reading"),
     &Lead::familyReading},
    {"givenReading", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Given name reading"),
     &Lead::givenReading},
    {"phone", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Phone"), &Lead::phone},
    {"mobile", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Mobile"), &Lead::mobile},
    {"email", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Email"), &Lead::email},
    {"postalCode", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Postal code"),
     &Lead::postalCode},
    {"prefecture", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Prefecture / state"),
     &Lead::prefecture},
    {"city", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "City"), &Lead::city},
    {"street", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Street"), &Lead::street},
    {"building", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Building"), &Lead::building},
    {"country", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Country"), &Lead::country},
    {"notes", QT_TRANSLATE_NOOP("mikomi::ui::CardEntryDialog", "Notes"), &Lead::notes},
};
constexpr int kLeftRows = 7;

// Fields whose text identifies a person: leaving one of them looks the card up.
bool identifies(const QString &key) {
    for (const char *k : {"company", "familyName", "givenName", "phone", "mobile", "email"}) {
        if (key == QLatin1String(k))
            return true;
    }
    return false;
}

enum EventRole { SourceRole = Qt::UserRole, CampaignRole, NewEventRole };

constexpr int kDraftDelayMs = 300;

} // namespace

CardEntryDialog::CardEntryDialog(storage::Database &db, QUndoStack *undo, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_undo(undo)
    , m_store(db) {
    // The form on the left, the card images on the right (issue 16).
    auto *outer = new QHBoxLayout(this);
    auto *layout = new QVBoxLayout;
    outer->addLayout(layout, 3);
    auto *session = new QFormLayout;
    m_sourceLabel = new QLabel(this);
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("event"));
    m_source->setEditable(false); // typing never renames the event
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_sourceLabel->setBuddy(m_source);
    m_ownerLabel = new QLabel(this);
    m_owner = new QLineEdit(this);
    m_owner->setObjectName(QStringLiteral("owner"));
    m_ownerLabel->setBuddy(m_owner);
    if (auto users = storage::UserRepository(db).list()) {
        QStringList names;
        for (const User &u : *users) {
            if (u.active)
                names << u.name;
        }
        auto *completer = new QCompleter(names, m_owner);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        m_owner->setCompleter(completer);
    }
    session->addRow(m_sourceLabel, m_source);
    session->addRow(m_ownerLabel, m_owner);
    layout->addLayout(session);
    m_sessionHint = new QLabel(this);
    m_sessionHint->setWordWrap(true);
    m_sessionHint->setStyleSheet(QStringLiteral("color: #666666;"));
    layout->addWidget(m_sessionHint);

    auto *form = new QGridLayout;
    int index = 0;
    for (const CardField &f : kCardFields) {
        const QString key = QString::fromLatin1(f.key);
        auto *label = new QLabel(this);
        auto *edit = new QLineEdit(this);
        edit->setObjectName(key);
        label->setBuddy(edit);
        m_labels.insert(key, label);
        m_fields.append({key, edit});
        if (key == QLatin1String("notes")) {
            const int row = int(std::size(kCardFields)) - kLeftRows;
            form->addWidget(label, row, 0);
            form->addWidget(edit, row, 1, 1, 3);
        } else {
            const bool left = index < kLeftRows;
            const int row = left ? index : index - kLeftRows;
            form->addWidget(label, row, left ? 0 : 2);
            form->addWidget(edit, row, left ? 1 : 3);
        }
        ++index;
        connect(edit, &QLineEdit::textChanged, this, [this] {
            if (!m_loading)
                m_draftTimer->start();
        });
        if (identifies(key))
            connect(edit, &QLineEdit::editingFinished, this, &CardEntryDialog::checkDuplicates);
        // A field the user corrected is no longer "read from the card".
        connect(edit, &QLineEdit::textEdited, edit, [edit] {
            edit->setStyleSheet(QString());
            edit->setProperty("certainty", QVariant());
        });
    }
    // Readings from the input method's kana, the address from the postal code (issue 16).
    installJapaneseEntry(this, phoneRegionOf(m_db));
    form->setColumnStretch(1, 1);
    form->setColumnStretch(3, 1);
    layout->addLayout(form);

    // The warning about a stored lead that matches the card.
    m_dupFrame = new QFrame(this);
    m_dupFrame->setObjectName(QStringLiteral("duplicateWarning"));
    m_dupFrame->setFrameShape(QFrame::StyledPanel);
    m_dupFrame->setStyleSheet(QStringLiteral(
        "#duplicateWarning { background: #fff4d6; border: 1px solid #d9a300; border-radius: 3px; }"
        " QLabel { color: #5c3d00; }"));
    auto *dupRow = new QHBoxLayout(m_dupFrame);
    m_dupText = new QLabel(m_dupFrame);
    m_dupText->setWordWrap(true);
    m_dupOpen = new QPushButton(m_dupFrame);
    m_dupOpen->setObjectName(QStringLiteral("openDuplicate"));
    m_dupMerge = new QPushButton(m_dupFrame);
    m_dupMerge->setObjectName(QStringLiteral("mergeDuplicate"));
    dupRow->addWidget(m_dupText, 1);
    dupRow->addWidget(m_dupOpen);
    dupRow->addWidget(m_dupMerge);
    m_dupFrame->hide();
    layout->addWidget(m_dupFrame);
    connect(m_dupOpen, &QPushButton::clicked, this, &CardEntryDialog::openDuplicate);
    connect(m_dupMerge, &QPushButton::clicked, this, &CardEntryDialog::mergeIntoDuplicate);

    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_counter = new QLabel(this);
    m_counter->setObjectName(QStringLiteral("counter"));
    QFont big = m_counter->font();
    big.setBold(true);
    m_counter->setFont(big);
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("total"));
    auto *counterRow = new QHBoxLayout;
    counterRow->addWidget(m_counter);
    counterRow->addSpacing(16);
    counterRow->addWidget(m_total);
    counterRow->addStretch();
    layout->addLayout(counterRow);
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_hint, 1);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("save"));
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("close"));
    m_close->setFocusPolicy(Qt::ClickFocus); // Tab ends at Save and goes back to Company
    buttons->addWidget(m_save);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);
    // Enter in a field must not save a half-typed card: no button is the dialog's default.
    for (QPushButton *b : {m_save, m_close, m_dupOpen, m_dupMerge}) {
        b->setAutoDefault(false);
        b->setDefault(false);
    }
    m_dupOpen->setFocusPolicy(Qt::ClickFocus);
    m_dupMerge->setFocusPolicy(Qt::ClickFocus);
    connect(m_save, &QPushButton::clicked, this, &CardEntryDialog::saveCard);
    connect(m_close, &QPushButton::clicked, this, &CardEntryDialog::reject);

    m_recentLabel = new QLabel(this);
    m_recent = new QListWidget(this);
    m_recent->setFocusPolicy(Qt::ClickFocus); // Tab cycles through the form only
    layout->addWidget(m_recentLabel);
    layout->addWidget(m_recent);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit leadActivated(item->data(Qt::UserRole).toLongLong());
    });

    // Tab order: the session fields first (reached by Shift+Tab from Company), then the card,
    // then Save; focusNextPrevChild() takes Tab from Save back to Company.
    setTabOrder(m_source, m_owner);
    setTabOrder(m_owner, m_fields.first().second);
    for (qsizetype i = 1; i < m_fields.size(); ++i)
        setTabOrder(m_fields.at(i - 1).second, m_fields.at(i).second);
    setTabOrder(m_fields.last().second, m_save);

    for (const QKeySequence &seq :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *sc = new QShortcut(seq, this);
        sc->setContext(Qt::WindowShortcut);
        connect(sc, &QShortcut::activated, this, &CardEntryDialog::saveCard);
    }
    auto *open = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_O), this);
    connect(open, &QShortcut::activated, this, [this] {
        if (m_dupFrame->isVisible())
            openDuplicate();
    });
    auto *merge = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_M), this);
    connect(merge, &QShortcut::activated, this, [this] {
        if (m_dupFrame->isVisible())
            mergeIntoDuplicate();
    });

    m_draftTimer = new QTimer(this);
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(kDraftDelayMs);
    connect(m_draftTimer, &QTimer::timeout, this, &CardEntryDialog::writeDraft);

    retranslate(); // fills the event list too
    // The session of the last time (this database, this workstation), else the first event and
    // the owner from the preferences.
    auto stored = m_store.session();
    if (!stored)
        showError(stored.error());
    const std::optional<storage::BoothSession> s =
        stored ? *stored : std::optional<storage::BoothSession>();
    if (s && !s->campaign.isEmpty())
        setCampaign(s->campaign);
    if (s && campaign() != s->campaign && !s->source.isEmpty())
        setSource(s->source);
    m_owner->setText(s && !s->owner.isEmpty() ? s->owner : AppSettings().ownerName());
    m_lastEvent = m_source->currentIndex();
    connect(m_source, &QComboBox::currentIndexChanged, this, &CardEntryDialog::eventChosen);
    connect(m_owner, &QLineEdit::textChanged, this, &CardEntryDialog::saveSession);
    m_scan = new CardScanPanel(this);
    outer->addWidget(m_scan, 2);
    connect(m_scan, &CardScanPanel::cardRead, this, &CardEntryDialog::applyScan);
    connect(m_scan, &CardScanPanel::failed, this, &CardEntryDialog::showError);

    updateCounter();
    m_loading = false;
    resize(1000, 660);
    m_fields.first().second->setFocus();
}

CardEntryDialog::~CardEntryDialog() {
    // The children outlive the members: a field losing focus while they are deleted must not
    // reach this dialog any more.
    m_draftTimer->stop();
    for (const auto &[key, edit] : m_fields)
        disconnect(edit, nullptr, this, nullptr);
    disconnect(m_owner, nullptr, this, nullptr);
    disconnect(m_source, nullptr, this, nullptr);
}

QLineEdit *CardEntryDialog::line(const QString &key) const {
    for (const auto &[k, e] : m_fields) {
        if (k == key)
            return e;
    }
    return nullptr;
}

void CardEntryDialog::fillEvents() {
    const QString source = this->source();
    const QString campaign = this->campaign();
    const QSignalBlocker block(m_source);
    m_source->clear();
    const auto add = [this](const QString &text, const QString &source, const QString &campaign) {
        m_source->addItem(text);
        const int i = m_source->count() - 1;
        m_source->setItemData(i, source, SourceRole);
        m_source->setItemData(i, campaign, CampaignRole);
    };
    // Campaigns first (the latest first), then the event sources, then every other source.
    if (auto campaigns = storage::CampaignStore(m_db).list()) {
        for (auto it = campaigns->crbegin(); it != campaigns->crend(); ++it) {
            const Campaign &c = *it;
            const QString src = c.source.isEmpty() ? c.name : c.source;
            add(c.source.isEmpty()
                    ? c.name
                    : tr("%1 (%2)", "campaign name (its source)").arg(c.name, c.source),
                src, c.name);
        }
        if (!campaigns->isEmpty())
            m_source->insertSeparator(m_source->count());
    } else {
        showError(campaigns.error());
    }
    if (auto sources = storage::SourceRepository(m_db).list(
            storage::SourceRepository::LeadCounts::NotCounted)) {
        for (const Source &s : *sources) {
            if (s.category == SourceCategory::Event)
                add(s.name, s.name, QString());
        }
        m_source->insertSeparator(m_source->count());
        for (const Source &s : *sources) {
            if (s.category != SourceCategory::Event)
                add(s.name, s.name, QString());
        }
    } else {
        showError(sources.error());
    }
    m_source->insertSeparator(m_source->count());
    m_source->addItem(tr("New event…"));
    m_source->setItemData(m_source->count() - 1, true, NewEventRole);
    // Keep the choice across a refill (language change).
    int keep = 0;
    for (int i = 0; i < m_source->count(); ++i) {
        if (m_source->itemData(i, SourceRole).toString() == source &&
            m_source->itemData(i, CampaignRole).toString() == campaign && !source.isEmpty()) {
            keep = i;
            break;
        }
    }
    if (keep == 0 && !source.isEmpty() && m_source->itemData(0, SourceRole).toString() != source) {
        m_source->insertItem(0, source);
        m_source->setItemData(0, source, SourceRole);
        m_source->setItemData(0, campaign, CampaignRole);
    }
    m_source->setCurrentIndex(keep);
    m_lastEvent = keep;
}

void CardEntryDialog::setSource(const QString &source) {
    const auto canonical = storage::SourceRepository(m_db).canonicalName(source);
    if (!canonical) {
        showError(canonical.error());
        return;
    }
    const QString name = canonical->value_or(source.trimmed());
    if (name.isEmpty())
        return;
    int found = -1;
    for (int i = 0; i < m_source->count(); ++i) {
        if (m_source->itemData(i, SourceRole).toString() == name &&
            m_source->itemData(i, CampaignRole).toString().isEmpty()) {
            found = i;
            break;
        }
    }
    {
        const QSignalBlocker block(m_source);
        if (found < 0) { // a new event: stored (as an event source) with the first card
            m_source->insertItem(0, name);
            m_source->setItemData(0, name, SourceRole);
            m_source->setItemData(0, QString(), CampaignRole);
            found = 0;
        }
        m_source->setCurrentIndex(found);
    }
    eventChosen(found);
}

void CardEntryDialog::setCampaign(const QString &campaign) {
    for (int i = 0; i < m_source->count(); ++i) {
        if (!campaign.isEmpty() && m_source->itemData(i, CampaignRole).toString() == campaign) {
            {
                const QSignalBlocker block(m_source);
                m_source->setCurrentIndex(i);
            }
            eventChosen(i);
            return;
        }
    }
}

void CardEntryDialog::setOwner(const QString &owner) {
    m_owner->setText(owner);
}

QString CardEntryDialog::source() const {
    return m_source->currentData(SourceRole).toString();
}

QString CardEntryDialog::campaign() const {
    return m_source->currentData(CampaignRole).toString();
}

QString CardEntryDialog::owner() const {
    return m_owner->text().trimmed();
}

QString CardEntryDialog::statusText() const {
    return m_status->text();
}

QString CardEntryDialog::duplicateText() const {
    return m_dupFrame->isHidden() ? QString() : m_dupText->text();
}

bool CardEntryDialog::hasUnsavedText() const {
    for (const auto &[key, edit] : m_fields) {
        if (!edit->text().trimmed().isEmpty())
            return true;
    }
    return false;
}

void CardEntryDialog::eventChosen(int index) {
    if (index < 0)
        return;
    if (m_source->itemData(index, NewEventRole).toBool()) {
        {
            const QSignalBlocker block(m_source);
            m_source->setCurrentIndex(m_lastEvent);
        }
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("New event"), tr("Name of the event (a lead source):"),
                                  QLineEdit::Normal, QString(), &ok)
                .trimmed();
        if (ok && !name.isEmpty())
            setSource(name);
        return;
    }
    m_lastEvent = index;
    updateCounter();
    saveSession();
}

void CardEntryDialog::saveSession() {
    if (m_loading)
        return;
    const storage::BoothSession s{source(), campaign(), owner()};
    if (Status st = m_store.setSession(s); !st)
        showError(st.error());
}

void CardEntryDialog::showError(const QString &message) {
    m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_status->setText(message);
}

void CardEntryDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void CardEntryDialog::showEvent(QShowEvent *event) {
    QDialog::showEvent(event);
    if (!m_offered) {
        m_offered = true;
        QTimer::singleShot(0, this, [this] { offerDraft(); });
    }
}

void CardEntryDialog::keyPressEvent(QKeyEvent *event) {
    // Enter on a focused button presses it (no button is the default: see the constructor).
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
        if (auto *b = qobject_cast<QPushButton *>(focusWidget())) {
            b->click();
            return;
        }
    }
    QDialog::keyPressEvent(event);
}

bool CardEntryDialog::focusNextPrevChild(bool next) {
    QWidget *from = focusWidget();
    if (next && from != m_source) {
        // Where Tab would go; never from the card back into the session fields.
        QWidget *w = from ? from : m_fields.first().second;
        do {
            w = w->nextInFocusChain();
        } while (w != from && w != this &&
                 !((w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(this) && w->isEnabled()));
        if (w == m_source || w == m_owner || w == this) {
            m_fields.first().second->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QDialog::focusNextPrevChild(next);
}

void CardEntryDialog::retranslate() {
    setWindowTitle(tr("Business-card entry"));
    m_sourceLabel->setText(tr("&Event (campaign or source)"));
    m_ownerLabel->setText(tr("&Owner"));
    m_sessionHint->setText(tr("Chosen once per show and remembered. To change them, press "
                              "Shift+Tab from Company, Alt+E or Alt+O."));
    for (const CardField &f : kCardFields)
        m_labels.value(QString::fromLatin1(f.key))->setText(tr(f.label));
    m_hint->setText(tr("Ctrl+Enter saves the card and starts the next one. Esc closes (it asks "
                       "first when a card is half typed)."));
    m_save->setText(tr("Save card"));
    m_save->setToolTip(tr("Saves the card and starts the next one (Ctrl+Enter)"));
    m_close->setText(tr("Close"));
    m_dupOpen->setText(tr("Open to update (Ctrl+O)"));
    m_dupMerge->setText(tr("Merge card into it (Ctrl+M)"));
    m_recentLabel->setText(tr("Last cards (double-click to correct):"));
    fillEvents();
    updateCounter();
    if (!m_dupFrame->isHidden())
        checkDuplicates();
}

void CardEntryDialog::updateCounter() {
    storage::LeadFilter f;
    const QDate today = QDate::currentDate();
    f.createdFrom = today;
    f.createdTo = today;
    storage::LeadQuery query(m_db);
    auto total = query.count(f);
    m_todayTotal = total ? int(*total) : 0;
    auto id = storage::SourceRepository(m_db).resolve(source(), false);
    m_today = 0;
    if (id && *id > 0) {
        f.sourceId = *id;
        auto n = query.count(f);
        m_today = n ? int(*n) : 0;
        if (!n)
            showError(n.error());
    }
    if (!total)
        showError(total.error());
    m_counter->setText(tr("%n card(s) today for this event", nullptr, m_today));
    m_total->setText(tr("%n lead(s) entered today in all", nullptr, m_todayTotal));
}

void CardEntryDialog::writeDraft() {
    storage::CardDraft d;
    for (const auto &[key, edit] : m_fields)
        d.fields.insert(key, edit->text());
    d.savedAt = QDateTime::currentDateTime();
    if (Status s = m_store.saveDraft(d); !s)
        showError(tr("The card could not be kept as a draft: %1").arg(s.error()));
}

bool CardEntryDialog::offerDraft() {
    if (hasUnsavedText())
        return false;
    auto d = m_store.draft();
    if (!d) {
        showError(d.error());
        return false;
    }
    if (!*d)
        return false;
    const storage::CardDraft &draft = **d;
    bool restore = true;
    if (m_draftChooser) {
        restore = m_draftChooser(draft);
    } else {
        Lead l;
        for (const CardField &f : kCardFields)
            l.*f.member = draft.fields.value(QString::fromLatin1(f.key));
        QStringList parts;
        for (const QString &p :
             {l.company, l.displayName(QLocale().language() == QLocale::Japanese).trimmed()}) {
            if (!p.isEmpty())
                parts << p;
        }
        const QString who = parts.join(QStringLiteral(" — "));
        QMessageBox box(QMessageBox::Question, tr("Unsaved card"),
                        tr("A card you were typing was not saved: restore it?"),
                        QMessageBox::NoButton, this);
        box.setInformativeText(
            tr("%1 (typed %2)")
                .arg(who, QLocale().toString(draft.savedAt.toLocalTime(), QLocale::ShortFormat)));
        QPushButton *yes = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
        QPushButton *no = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        yes->setAutoDefault(true);
        box.setDefaultButton(yes);
        box.setEscapeButton(yes); // closing the question loses nothing
        restore = MessageBox::exec(box) != no;
    }
    if (!restore) {
        if (Status s = m_store.clearDraft(); !s)
            showError(s.error());
        return false;
    }
    m_loading = true;
    QLineEdit *next = m_fields.first().second;
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        const auto &[key, edit] = m_fields.at(i);
        edit->setText(draft.fields.value(key));
        if (!edit->text().isEmpty())
            next = m_fields.at(std::min(i + 1, m_fields.size() - 1)).second;
    }
    m_loading = false;
    m_status->setStyleSheet(QString());
    m_status->setText(tr("The unsaved card was restored."));
    checkDuplicates();
    activateWindow(); // back from the question
    next->setFocus();
    return true;
}

Lead CardEntryDialog::cardLead() const {
    Lead l;
    for (const CardField &f : kCardFields)
        l.*f.member = line(QString::fromLatin1(f.key))->text().trimmed();
    l.source = source().trimmed();
    l.owner = owner();
    // Read from the card; the form has no field for them.
    l.website = m_scan->website();
    if (const QString fax = m_scan->fax(); !fax.isEmpty())
        l.extraContacts.append(ContactPoint{ContactKind::Fax, fax, QStringLiteral("FAX")});
    l.createdAt = QDateTime::currentDateTime();
    l.updatedAt = l.createdAt;
    return l;
}

QList<storage::DuplicateMatch> CardEntryDialog::importantMatches(const Lead &card,
                                                                 QString *error) const {
    QList<storage::DuplicateMatch> out;
    auto all = storage::findDuplicates(m_db, card);
    if (!all) {
        *error = all.error();
        return out;
    }
    // Same email, phone or person at the same company always counts; a company written
    // differently counts when that lead was entered today (a card typed twice).
    const QDate today = QDate::currentDate();
    storage::LeadRepository repo(m_db);
    for (const storage::DuplicateMatch &m : *all) {
        if (m.reason != storage::DuplicateReason::Suggestion) {
            out << m;
            continue;
        }
        auto l = repo.get(m.id);
        if (l && l->createdAt.toLocalTime().date() == today)
            out << m;
    }
    return out;
}

QString CardEntryDialog::matchLine(const storage::DuplicateMatch &m) const {
    Lead l;
    l.familyName = m.familyName;
    l.givenName = m.givenName;
    QString when;
    if (auto stored = storage::LeadRepository(m_db).get(m.id)) {
        const QDate d = stored->createdAt.toLocalTime().date();
        when = d == QDate::currentDate()
                   ? tr("entered today")
                   : tr("entered %1").arg(QLocale().toString(d, QLocale::ShortFormat));
    }
    return tr("%1 — %2 (%3, %4)", "company — person (why it matches, when it was entered)")
        .arg(m.company, l.displayName(QLocale().language() == QLocale::Japanese),
             storage::duplicateReasonLabel(m.reason), when);
}

void CardEntryDialog::checkDuplicates() {
    const Lead card = cardLead();
    QString error;
    m_matches = importantMatches(card, &error);
    if (!error.isEmpty())
        showError(error);
    if (m_matches.isEmpty()) {
        m_dupFrame->hide();
        return;
    }
    m_dupText->setText(
        tr("This card matches %n stored lead(s): %1.", nullptr, int(m_matches.size()))
            .arg(matchLine(m_matches.first())) +
        QLatin1Char(' ') + tr("Update that lead instead of storing the person twice?"));
    m_dupFrame->show();
    layout()->activate();
}

DuplicateChoice CardEntryDialog::askDuplicates(const QList<storage::DuplicateMatch> &matches) {
    QStringList lines;
    for (const storage::DuplicateMatch &m : matches.mid(0, 5))
        lines << matchLine(m);
    QMessageBox box(
        QMessageBox::Warning, tr("Already stored"),
        tr("This card matches %n lead(s) already stored:", nullptr, int(matches.size())) +
            QStringLiteral("\n\n") + lines.join(QLatin1Char('\n')),
        QMessageBox::NoButton, this);
    box.setInformativeText(tr("Open the stored lead to add this card's details?"));
    QPushButton *open = box.addButton(tr("Open to update"), QMessageBox::AcceptRole);
    QPushButton *merge = box.addButton(tr("Merge card into it"), QMessageBox::ActionRole);
    QPushButton *save = box.addButton(tr("Save as a new lead"), QMessageBox::ActionRole);
    QPushButton *keep = box.addButton(tr("Keep typing"), QMessageBox::RejectRole);
    box.setDefaultButton(open);
    box.setEscapeButton(keep);
    QAbstractButton *chosen = MessageBox::exec(box);
    if (chosen == open)
        return DuplicateChoice::OpenExisting;
    if (chosen == merge)
        return DuplicateChoice::Merge;
    if (chosen == save)
        return DuplicateChoice::SaveAnyway;
    return DuplicateChoice::Cancel;
}

CardEntryDialog::CloseChoice CardEntryDialog::askClose() {
    QMessageBox box(QMessageBox::Question, tr("Unsaved card"),
                    tr("The card in the form is not saved yet."), QMessageBox::NoButton, this);
    QPushButton *save = box.addButton(tr("Save card"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("Discard card"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(tr("Keep typing"), QMessageBox::RejectRole);
    box.setDefaultButton(save);
    box.setEscapeButton(keep);
    QAbstractButton *chosen = MessageBox::exec(box);
    if (chosen == save)
        return CloseChoice::Save;
    if (chosen == discard)
        return CloseChoice::Discard;
    return CloseChoice::KeepTyping;
}

void CardEntryDialog::reject() {
    if (hasUnsavedText()) {
        switch (m_closeChooser ? m_closeChooser() : askClose()) {
        case CloseChoice::KeepTyping:
            return;
        case CloseChoice::Save:
            if (!saveCard())
                return;
            break;
        case CloseChoice::Discard:
            clearForm();
            if (Status s = m_store.clearDraft(); !s) {
                showError(s.error());
                return;
            }
            break;
        }
    }
    m_draftTimer->stop();
    QDialog::reject();
}

void CardEntryDialog::clearForm() {
    m_loading = true;
    for (const auto &[key, edit] : m_fields)
        edit->clear();
    clearCertainty();
    m_loading = false;
    m_draftTimer->stop();
    m_matches.clear();
    m_dupFrame->hide();
}

bool CardEntryDialog::saveCard() {
    Lead l = cardLead();
    if (l.company.isEmpty() && l.familyName.isEmpty()) {
        showError(tr("Enter at least a company or a family name."));
        m_fields.first().second->setFocus();
        return false;
    }
    const auto issues = validateLead(l, phoneRegionOf(m_db));
    if (!issues.isEmpty()) {
        showError(issues.first().second);
        if (QLineEdit *e = line(issues.first().first))
            e->setFocus();
        return false;
    }
    QString error;
    const QList<storage::DuplicateMatch> matches = importantMatches(l, &error);
    if (!error.isEmpty()) {
        showError(error);
        return false;
    }
    if (!matches.isEmpty()) {
        checkDuplicates();
        switch (m_duplicateChooser ? m_duplicateChooser(matches) : askDuplicates(matches)) {
        case DuplicateChoice::Cancel:
            m_status->setStyleSheet(QString());
            m_status->setText(tr("Not saved: the card is still in the form."));
            return false;
        case DuplicateChoice::OpenExisting:
            return updateExisting(matches.first().id, true);
        case DuplicateChoice::Merge:
            return updateExisting(matches.first().id, false);
        case DuplicateChoice::SaveAnyway:
            break;
        }
    }
    auto weak = storage::findDuplicates(m_db, l);
    // A new event is stored as an event source (not as an unknown one).
    storage::SourceRepository sources(m_db);
    if (!l.source.isEmpty()) {
        auto known = sources.canonicalName(l.source);
        if (!known) {
            showError(known.error());
            return false;
        }
        if (!known->has_value()) { // an existing source (or alias) keeps its category
            if (auto id = sources.resolve(l.source, true, SourceCategory::Event); !id) {
                showError(id.error());
                return false;
            }
        }
    }
    // The command stays on the undo stack after this dialog closes: its callbacks share the
    // error text instead of pointing into this function.
    auto errorText = std::make_shared<QString>();
    auto *cmd = new commands::SaveLeadCommand(
        m_db, l, std::nullopt, l.owner, [] {}, [errorText](const QString &m) { *errorText = m; });
    qint64 id = 0;
    if (m_undo) {
        m_undo->push(cmd); // a failed command is dropped by the stack: read nothing from it then
        if (errorText->isEmpty())
            id = cmd->leadId();
    } else {
        cmd->redo();
        id = cmd->leadId();
        delete cmd;
    }
    if (!errorText->isEmpty()) {
        showError(*errorText);
        return false;
    }
    QString note;
    if (!campaign().isEmpty()) { // where the card was collected, for attribution
        Touchpoint tp;
        tp.leadId = id;
        tp.occurredAt = l.createdAt;
        tp.source = l.source;
        tp.medium = QStringLiteral("event");
        tp.campaign = campaign();
        if (auto t = storage::LeadRepository(m_db).addTouchpoint(tp); !t)
            note = tr("Saved, but the campaign could not be recorded: %1").arg(t.error());
    }
    const QString name = l.displayName(QLocale().language() == QLocale::Japanese);
    if (note.isEmpty() && weak && !weak->isEmpty()) {
        note = tr("Saved. Note: this card may duplicate a lead already stored (%1); "
                  "use Find duplicates on the Leads page to merge.")
                   .arg(storage::duplicateReasonLabel(weak->first().reason));
    }
    finishCard(id, l,
               note.isEmpty() ? tr("Saved: %1").arg(l.company.isEmpty() ? name : l.company) : note);
    if (!note.isEmpty())
        m_status->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    return true;
}

bool CardEntryDialog::openDuplicate() {
    if (m_matches.isEmpty())
        checkDuplicates();
    if (m_matches.isEmpty())
        return false;
    return updateExisting(m_matches.first().id, true);
}

bool CardEntryDialog::mergeIntoDuplicate() {
    if (m_matches.isEmpty())
        checkDuplicates();
    if (m_matches.isEmpty())
        return false;
    return updateExisting(m_matches.first().id, false);
}

bool CardEntryDialog::updateExisting(qint64 id, bool edit) {
    auto existing = storage::LeadRepository(m_db).get(id);
    if (!existing) {
        showError(existing.error());
        return false;
    }
    const Lead card = cardLead();
    if (!edit) {
        const auto issues = validateLead(card, phoneRegionOf(m_db));
        if (!issues.isEmpty()) {
            showError(issues.first().second);
            if (QLineEdit *e = line(issues.first().first))
                e->setFocus();
            return false;
        }
    }
    Lead after = storage::mergedLead(*existing, card, phoneRegionOf(m_db));
    after.updatedAt = QDateTime::currentDateTime();
    if (edit) {
        std::optional<Lead> edited;
        if (m_editor) {
            edited = m_editor(after);
        } else {
            LeadEditor editor(m_db, after, m_undo, this);
            if (editor.exec() == QDialog::Accepted)
                edited = editor.lead();
        }
        if (!edited) {
            m_status->setStyleSheet(QString());
            m_status->setText(tr("Not saved: the card is still in the form."));
            return false;
        }
        after = *edited;
    }
    auto errorText = std::make_shared<QString>();
    auto *cmd = new commands::SaveLeadCommand(
        m_db, after, *existing, owner(), [] {}, [errorText](const QString &m) { *errorText = m; });
    commands::push(m_undo, cmd);
    if (!errorText->isEmpty()) {
        showError(*errorText);
        return false;
    }
    const QString name = after.displayName(QLocale().language() == QLocale::Japanese);
    finishCard(
        id, after,
        tr("Updated the stored lead: %1").arg(after.company.isEmpty() ? name : after.company));
    return true;
}

void CardEntryDialog::finishCard(qint64 id, const Lead &shown, const QString &message) {
    const QString name = shown.displayName(QLocale().language() == QLocale::Japanese);
    auto *item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(shown.company, name));
    item->setData(Qt::UserRole, id);
    m_recent->insertItem(0, item);
    while (m_recent->count() > 5)
        delete m_recent->takeItem(m_recent->count() - 1);
    clearForm();
    m_status->setStyleSheet(QString());
    m_status->setText(message);
    if (Status s = m_store.clearDraft(); !s)
        showError(s.error());
    m_fields.first().second->setFocus();
    updateCounter();
    layout()->activate(); // the new texts get their room before anything paints or grabs
    saveSession();
    keepImages(id);
    emit cardSaved(id);
    m_scan->next(); // the next photo of a folder, if any
}

void CardEntryDialog::keepImages(qint64 id) {
    if (!AppSettings().keepCardImages())
        return;
    storage::LeadImageStore store(m_db);
    for (const auto &[side, path] : m_scan->images()) {
        const QByteArray bytes = ocr::imageForKeeping(path);
        if (bytes.isEmpty()) {
            showError(tr("The card image %1 could not be kept with the lead.").arg(path));
            continue;
        }
        if (auto kept = store.add(id, side, bytes, QStringLiteral("jpeg")); !kept)
            showError(tr("The card image could not be kept with the lead: %1").arg(kept.error()));
    }
}

void CardEntryDialog::clearCertainty() {
    for (const auto &[key, edit] : m_fields) {
        edit->setStyleSheet(QString());
        edit->setToolTip(QString());
        edit->setProperty("certainty", QVariant());
    }
}

void CardEntryDialog::applyScan(const ocr::CardFields &read, bool back) {
    // A foreign card's numbers with their country code, read in the card's country.
    ocr::CardFields fields = read;
    fields.addCountryCodes(phoneRegionOf(m_db));
    // The form's fields under the names of the import table (cli.md).
    static const std::pair<const char *, const char *> keys[] = {
        {"company", "company"},
        {"department", "department"},
        {"title", "title"},
        {"familyName", "family_name"},
        {"givenName", "given_name"},
        {"familyReading", "family_reading"},
        {"givenReading", "given_reading"},
        {"phone", "phone"},
        {"mobile", "mobile"},
        {"email", "email"},
        {"postalCode", "postal_code"},
        {"prefecture", "prefecture"},
        {"city", "city"},
        {"street", "street"},
        {"building", "building"},
        {"country", "country"},
    };
    m_loading = true;
    if (!back) {
        for (const auto &[key, edit] : m_fields)
            edit->clear();
        clearCertainty();
    }
    for (const auto &[formKey, scanKey] : keys) {
        QLineEdit *edit = line(QString::fromLatin1(formKey));
        const QString k = QString::fromLatin1(scanKey);
        if (!edit || (back && !edit->text().isEmpty()))
            continue;
        const ocr::Certainty c = fields.certainty(k);
        // Rounded down: 89.9% is not yet "confident" (90%).
        const int percent = int(std::floor(fields.fields.value(k).confidence * 100));
        edit->setText(fields.value(k));
        edit->setCursorPosition(0);
        edit->setProperty("certainty", int(c));
        switch (c) {
        case ocr::Certainty::Confident:
            edit->setStyleSheet(QStringLiteral("QLineEdit { background: #e3f4e6; }"));
            edit->setToolTip(tr("Read from the card with %1% confidence.").arg(percent));
            break;
        case ocr::Certainty::Check:
            edit->setStyleSheet(
                QStringLiteral("QLineEdit { background: #fff4d6; border: 1px solid #d9a300; }"));
            edit->setToolTip(tr("Read from the card with %1% confidence: check it.").arg(percent));
            break;
        case ocr::Certainty::Empty:
            edit->setStyleSheet(QString());
            edit->setToolTip(tr("Not found on the card."));
            break;
        }
    }
    m_loading = false;
    m_draftTimer->start();
    // The cursor on the first field to check (else the first field).
    QLineEdit *focus = m_fields.first().second;
    for (const auto &[key, edit] : m_fields) {
        if (edit->property("certainty").toInt() == int(ocr::Certainty::Check)) {
            focus = edit;
            break;
        }
    }
    activateWindow();
    focus->setFocus(Qt::OtherFocusReason);
    focus->selectAll();
    checkDuplicates();
}

} // namespace mikomi::ui

#include "ui/leadeditor.h"

#include "models/appsettings.h"
#include "models/commands/leadcommands.h"
#include "models/commands/stagecommands.h"
#include "models/domain/dates.h"
#include "models/domain/textcheck.h"
#include "models/japan/readingdictionary.h"
#include "models/storage/countrystore.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/leadcustomfields.h"
#include "models/storage/leadimages.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"
#include "models/text/normalize.h"
#include "models/text/phone.h"
#include "ui/cardimagedialog.h"
#include "ui/consentwidget.h"
#include "ui/messagebox.h"
#include "ui/privacyactions.h"
#include "ui/readingcapture.h"
#include "ui/wondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

#include <QVBoxLayout>
#include <memory>

namespace mikomi::ui {
namespace {

struct Field {
    const char *key;
    const char *label;
};

// Field labels, translated in LeadEditor's context.
const Field kFields[] = {
    {"company", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Company")},
    {"companyReading", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Company reading")},
    {"department", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Department")},
    {"title", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Title")},
    {"familyName", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Family name")},
    {"givenName", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Given name")},
    {"familyReading", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Family name reading")},
    {"givenReading", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Given name reading")},
    {"honorific", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Honorific")},
    {"email", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Email")},
    {"phone", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Phone")},
    {"mobile", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Mobile")},
    {"postalCode", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Postal code")},
    {"prefecture", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Prefecture / state")},
    {"city", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "City")},
    {"street", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Street")},
    {"building", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Building")},
    {"country", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Country")},
    {"website", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Website")},
    {"owner", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Owner")},
    {"source", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Original source")},
    {"dealValue", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Deal value")},
    {"lifetimeValue", QT_TRANSLATE_NOOP("mikomi::ui::LeadEditor", "Lifetime value")},
};

QString k(const char *key) {
    return QString::fromLatin1(key);
}

// The kinds of a further contact, in the order of the kind combo box, with their labels.
struct ContactKindName {
    ContactKind kind;
    struct {
        const char *source;
        const char *comment;
    } label;
};
const ContactKindName kContactKinds[] = {
    {ContactKind::Email, QT_TRANSLATE_NOOP3("mikomi::ui::LeadEditor", "Email",
                                            "kind of a further email or number "
                                            "(short)")},
    {ContactKind::Phone, QT_TRANSLATE_NOOP3("mikomi::ui::LeadEditor", "Phone",
                                            "kind of a further email or number "
                                            "(short)")},
    {ContactKind::Mobile, QT_TRANSLATE_NOOP3("mikomi::ui::LeadEditor", "Mobile",
                                             "kind of a further email or number "
                                             "(short)")},
    {ContactKind::Fax, QT_TRANSLATE_NOOP3("mikomi::ui::LeadEditor", "Fax",
                                          "kind of a further email or number (short)")},
};

// Columns of the further-contacts table.
enum ContactColumn { KindColumn = 0, ValueColumn, LabelColumn, RemoveColumn };

// "1,500,000" / "¥1,500,000円" / "1234.56" in major units → minor units (mikomi::parseMoney).
Result<Money> parseMoney(const QString &text) {
    return mikomi::parseMoney(text, AppSettings().currency());
}

std::optional<Money> moneyOrNone(const QString &text) {
    const auto m = parseMoney(text);
    return m ? std::optional<Money>(*m) : std::nullopt;
}

QString moneyText(const std::optional<Money> &m) {
    if (!m)
        return {};
    const int minor = minorUnits(AppSettings().currency());
    if (minor == 1)
        return QString::number(*m);
    return QStringLiteral("%1.%2").arg(*m / minor).arg(qAbs(*m % minor), 2, 10, QLatin1Char('0'));
}

} // namespace

QString phoneRegionOf(const storage::Database &db) {
    auto region = storage::phoneRegion(db);
    return region ? *region : QString();
}

QList<std::pair<QString, QString>> validateLead(const Lead &l, const QString &phoneRegion) {
    QList<std::pair<QString, QString>> out;
    if (!l.email.trimmed().isEmpty() && !text::isValidEmail(l.email))
        out.append(
            {k("email"), QCoreApplication::translate(
                             "mikomi::ui::LeadEditor",
                             "\"%1\" is not a valid email address (expected name@example.com).")
                             .arg(l.email.trimmed())});
    if (const QString e = text::phoneError(l.phone, phoneRegion); !e.isEmpty())
        out.append({k("phone"), e});
    if (const QString e = text::phoneError(l.mobile, phoneRegion); !e.isEmpty())
        out.append({k("mobile"), e});
    // Further emails and numbers: the same checks, naming the row.
    for (qsizetype i = 0; i < l.extraContacts.size(); ++i) {
        const ContactPoint &c = l.extraContacts.at(i);
        const QString value = c.value.trimmed();
        QString problem;
        if (value.isEmpty()) {
            if (!c.label.trimmed().isEmpty())
                problem = QCoreApplication::translate("mikomi::ui::LeadEditor",
                                                      "The label \"%1\" has no value.")
                              .arg(c.label.trimmed());
        } else if (c.kind == ContactKind::Email && !text::isValidEmail(value)) {
            problem = QCoreApplication::translate(
                          "mikomi::ui::LeadEditor",
                          "\"%1\" is not a valid email address (expected name@example.com).")
                          .arg(value);
        } else if (c.kind != ContactKind::Email &&
                   !(problem = text::phoneError(value, phoneRegion)).isEmpty()) {
            // phoneError's reason, naming the number
        } else {
            for (const QString &t : {c.value, c.label}) {
                if (const qsizetype at = forbiddenCharacter(t, false); at >= 0 && problem.isEmpty())
                    problem = forbiddenCharacterMessage(t, at);
            }
        }
        if (!problem.isEmpty()) {
            out.append({k("extraContacts"), QCoreApplication::translate(
                                                "mikomi::ui::LeadEditor", "Other contact %1: %2",
                                                "row number of the further emails and "
                                                "numbers: problem")
                                                .arg(i + 1)
                                                .arg(problem)});
            break;
        }
    }
    if (const QString problem = storage::customFieldProblem(l); !problem.isEmpty())
        out.append({k("customFields"), problem});
    // Control characters (a NUL pasted from another program) in any field, named by its label.
    if (const auto [key, reason] = leadTextProblem(l); !key.isEmpty()) {
        QString label = key == QLatin1String("notes")
                            ? QCoreApplication::translate("mikomi::ui::LeadEditor", "Notes")
                            : key;
        for (const Field &f : kFields) {
            if (key == QLatin1String(f.key))
                label = QCoreApplication::translate("mikomi::ui::LeadEditor", f.label);
        }
        out.append({key, QCoreApplication::translate("mikomi::ui::LeadEditor", "%1: %2",
                                                     "field label: problem")
                             .arg(label, reason)});
    }
    return out;
}

LeadEditor::LeadEditor(storage::Database &db, const Lead &lead, QUndoStack *undo, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_lead(lead)
    , m_undo(undo) {
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs);

    auto *details = new QWidget(m_tabs);
    auto *detailsOuter = new QVBoxLayout(details);
    auto *grid = new QHBoxLayout;
    detailsOuter->addLayout(grid);
    auto *left = new QFormLayout;
    auto *right = new QFormLayout;
    grid->addLayout(left);
    grid->addLayout(right);
    const bool ja = QLocale().language() == QLocale::Japanese;
    addLine(left, k("company"), lead.company);
    addLine(left, k("companyReading"), lead.companyReading);
    addLine(left, k("department"), lead.department);
    addLine(left, k("title"), lead.title);
    // Japanese UI: family name first.
    const QStringList names = ja ? QStringList{k("familyName"), k("givenName")}
                                 : QStringList{k("givenName"), k("familyName")};
    const QStringList readings = ja ? QStringList{k("familyReading"), k("givenReading")}
                                    : QStringList{k("givenReading"), k("familyReading")};
    for (const QString &n : names)
        addLine(left, n, n == k("familyName") ? lead.familyName : lead.givenName);
    for (const QString &n : readings)
        addLine(left, n, n == k("familyReading") ? lead.familyReading : lead.givenReading);
    addLine(left, k("honorific"), lead.honorific);
    addLine(left, k("owner"), lead.owner);
    addLine(left, k("source"), lead.source);
    // Temperature: derived from score and recency unless set by hand (Automatic = derived).
    m_temperatureLabel = new QLabel(details);
    m_temperature = new QComboBox(details);
    m_temperature->setObjectName(QStringLiteral("temperature"));
    m_temperatureLabel->setBuddy(m_temperature);
    m_temperature->addItem(QString(), QString());
    for (Temperature t : {Temperature::Hot, Temperature::Warm, Temperature::Cold})
        m_temperature->addItem(QString(), temperatureKey(t));
    if (lead.temperatureOverride)
        m_temperature->setCurrentIndex(
            m_temperature->findData(temperatureKey(*lead.temperatureOverride)));
    if (lead.id > 0) {
        if (auto t =
                storage::ScoringStore(db).derivedTemperature(lead.id, QDateTime::currentDateTime()))
            m_derived = *t;
    }
    left->addRow(m_temperatureLabel, m_temperature);
    m_optOut = new QCheckBox(details);
    m_optOut->setChecked(lead.optOut);
    left->addRow(QString(), m_optOut);
    m_consent = new ConsentWidget(lead, details);
    left->addRow(m_consent->label(), m_consent);

    const auto errorLabel = [details]() {
        auto *l = new QLabel(details);
        l->setStyleSheet(QStringLiteral("color: #b00020;"));
        l->setWordWrap(true);
        l->hide();
        return l;
    };
    addLine(right, k("email"), lead.email);
    m_emailError = errorLabel();
    right->addRow(QString(), m_emailError);
    addLine(right, k("phone"), lead.phone);
    m_phoneError = errorLabel();
    right->addRow(QString(), m_phoneError);
    addLine(right, k("mobile"), lead.mobile);
    m_mobileError = errorLabel();
    right->addRow(QString(), m_mobileError);
    for (const char *f :
         {"postalCode", "prefecture", "city", "street", "building", "country", "website"}) {
        QString v;
        const QString key = k(f);
        if (key == k("postalCode"))
            v = lead.postalCode;
        else if (key == k("prefecture"))
            v = lead.prefecture;
        else if (key == k("city"))
            v = lead.city;
        else if (key == k("street"))
            v = lead.street;
        else if (key == k("building"))
            v = lead.building;
        else if (key == k("country"))
            v = lead.country;
        else
            v = lead.website;
        addLine(right, key, v);
    }
    // Readings from the input method's kana, the address from the postal code (issue 16).
    installJapaneseEntry(details, phoneRegionOf(m_db));
    addLine(right, k("dealValue"), moneyText(lead.dealValue));
    addLine(right, k("lifetimeValue"), moneyText(lead.lifetimeValue));
    // Below the two columns: the further emails and numbers (a second address, a direct line, a
    // fax) and the custom fields as small tables beside the notes.
    auto *bottom = new QHBoxLayout;
    detailsOuter->addLayout(bottom);
    auto *contactsLayout = new QVBoxLayout;
    contactsLayout->setSpacing(2);
    bottom->addLayout(contactsLayout, 3);
    m_contactsLabel = new QLabel(details);
    contactsLayout->addWidget(m_contactsLabel);
    m_contacts = new QTableWidget(0, 4, details);
    m_contacts->setObjectName(QStringLiteral("extraContacts"));
    m_contacts->verticalHeader()->hide();
    m_contacts->verticalHeader()->setDefaultSectionSize(m_contacts->fontMetrics().height() + 12);
    m_contacts->setSelectionMode(QAbstractItemView::NoSelection);
    m_contacts->setFocusPolicy(Qt::NoFocus);
    m_contacts->horizontalHeader()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_contacts->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_contacts->horizontalHeader()->setSectionResizeMode(LabelColumn, QHeaderView::Interactive);
    m_contacts->horizontalHeader()->setSectionResizeMode(RemoveColumn,
                                                         QHeaderView::ResizeToContents);
    m_contacts->setColumnWidth(LabelColumn, 90);
    // Room for three rows; more scroll.
    m_contacts->setFixedHeight(m_contacts->horizontalHeader()->sizeHint().height() +
                               3 * m_contacts->verticalHeader()->defaultSectionSize() + 4);
    contactsLayout->addWidget(m_contacts);
    auto *contactsButtons = new QHBoxLayout;
    m_addContact = new QPushButton(details);
    m_addContact->setObjectName(QStringLiteral("addContact"));
    contactsButtons->addWidget(m_addContact);
    contactsButtons->addStretch();
    contactsLayout->addLayout(contactsButtons);
    m_contactsError = errorLabel();
    contactsLayout->addWidget(m_contactsError);
    m_contactsLabel->setBuddy(m_addContact);
    connect(m_addContact, &QPushButton::clicked, this, [this] {
        addContactRow();
        if (auto *value = qobject_cast<QLineEdit *>(
                m_contacts->cellWidget(m_contacts->rowCount() - 1, ValueColumn)))
            value->setFocus();
    });
    // Custom fields (values kept under names of the user's own, e.g. from an import): a name and
    // a value a row, like the further contacts.
    auto *customLayout = new QVBoxLayout;
    customLayout->setSpacing(2);
    bottom->addLayout(customLayout, 3);
    m_customLabel = new QLabel(details);
    customLayout->addWidget(m_customLabel);
    m_custom = new QTableWidget(0, 3, details);
    m_custom->setObjectName(QStringLiteral("customFields"));
    m_custom->verticalHeader()->hide();
    m_custom->verticalHeader()->setDefaultSectionSize(
        m_contacts->verticalHeader()->defaultSectionSize());
    m_custom->setSelectionMode(QAbstractItemView::NoSelection);
    m_custom->setFocusPolicy(Qt::NoFocus);
    m_custom->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_custom->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_custom->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_custom->setColumnWidth(0, 100);
    m_custom->setFixedHeight(m_contacts->minimumHeight());
    customLayout->addWidget(m_custom);
    auto *customButtons = new QHBoxLayout;
    m_addCustom = new QPushButton(details);
    m_addCustom->setObjectName(QStringLiteral("addCustomField"));
    customButtons->addWidget(m_addCustom);
    customButtons->addStretch();
    customLayout->addLayout(customButtons);
    m_customError = errorLabel();
    customLayout->addWidget(m_customError);
    m_customLabel->setBuddy(m_addCustom);
    connect(m_addCustom, &QPushButton::clicked, this, [this] {
        addCustomFieldRow();
        if (auto *name =
                qobject_cast<QLineEdit *>(m_custom->cellWidget(m_custom->rowCount() - 1, 0)))
            name->setFocus();
    });
    for (const CustomField &f : lead.customFields)
        addCustomFieldRow(f);
    auto *notesLayout = new QVBoxLayout;
    notesLayout->setSpacing(2);
    bottom->addLayout(notesLayout, 2);
    m_notes = new QPlainTextEdit(lead.notes, details);
    m_notes->setMaximumHeight(m_contacts->height() + m_addContact->sizeHint().height() + 2);
    m_labels.insert(k("notes"), new QLabel(details));
    notesLayout->addWidget(m_labels.value(k("notes")));
    notesLayout->addWidget(m_notes);
    m_tabs->addTab(details, QString());

    // Validation at the field, as soon as the user leaves it.
    for (const char *f : {"email", "phone", "mobile"})
        connect(m_lines.value(k(f)), &QLineEdit::editingFinished, this, &LeadEditor::validate);
    for (const ContactPoint &c : lead.extraContacts)
        addContactRow(c);

    auto *history = new QWidget(m_tabs);
    auto *hl = new QVBoxLayout(history);
    auto *stageRow = new QHBoxLayout;
    m_stageLabel = new QLabel(history);
    m_stage = new QComboBox(history);
    for (int s = 0; s < StageCount; ++s)
        m_stage->addItem(stageLabel(Stage(s)), s);
    m_stage->setCurrentIndex(int(lead.stage));
    m_stage->setObjectName(QStringLiteral("stage"));
    m_moveButton = new QPushButton(history);
    m_moveButton->setObjectName(QStringLiteral("moveStage"));
    m_lostButton = new QPushButton(history);
    m_recycleButton = new QPushButton(history);
    stageRow->addWidget(m_stageLabel);
    stageRow->addWidget(m_stage);
    stageRow->addWidget(m_moveButton);
    stageRow->addWidget(m_lostButton);
    stageRow->addWidget(m_recycleButton);
    stageRow->addStretch();
    hl->addLayout(stageRow);
    m_timeline = new QTreeWidget(history);
    m_timeline->setColumnCount(3);
    m_timeline->setRootIsDecorated(false);
    m_timeline->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    hl->addWidget(m_timeline);
    auto *logRow = new QHBoxLayout;
    m_activityKind = new QComboBox(history);
    for (ActivityKind a : {ActivityKind::Call, ActivityKind::Meeting, ActivityKind::Email,
                           ActivityKind::DocumentDownload, ActivityKind::Seminar,
                           ActivityKind::WebInquiry, ActivityKind::Visit, ActivityKind::Note})
        m_activityKind->addItem(activityKindLabel(a), int(a));
    m_activityNotes = new QLineEdit(history);
    m_logButton = new QPushButton(history);
    logRow->addWidget(m_activityKind);
    logRow->addWidget(m_activityNotes, 1);
    logRow->addWidget(m_logButton);
    hl->addLayout(logRow);
    m_tabs->addTab(history, QString());
    const bool stored = lead.id > 0;
    history->setEnabled(stored);
    connect(m_logButton, &QPushButton::clicked, this, &LeadEditor::logActivity);
    connect(m_moveButton, &QPushButton::clicked, this, [this] { stageAction(0); });
    connect(m_lostButton, &QPushButton::clicked, this, [this] { stageAction(1); });
    connect(m_recycleButton, &QPushButton::clicked, this, [this] { stageAction(2); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &LeadEditor::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LeadEditor::reject);
    if (stored) {
        // A person's requests (product.md §Privacy): what is held about them, and erasure.
        m_privacy = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
        m_privacy->setObjectName(QStringLiteral("privacy"));
        auto *menu = new QMenu(m_privacy);
        m_exportPerson =
            menu->addAction(QString(), this, [this] { exportPersonData(this, m_db, m_lead.id); });
        m_erasePerson = menu->addAction(QString(), this, [this] {
            if (erasePerson(this, m_db, m_lead.id, m_undo)) {
                emit leadChanged();
                reject();
            }
        });
        m_privacy->setMenu(menu);
        // The business card it was scanned from (issue 16), when card mode kept it.
        if (auto n = storage::LeadImageStore(m_db).count(m_lead.id); n && *n > 0) {
            m_cardImage = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
            m_cardImage->setObjectName(QStringLiteral("cardImage"));
            connect(m_cardImage, &QPushButton::clicked, this,
                    [this] { CardImageDialog(m_db, m_lead.id, this).exec(); });
        }
    }
    // Readings of this lead's company and names from the dictionaries (issue 16).
    m_suggestReadings = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_suggestReadings->setObjectName(QStringLiteral("suggestReadings"));
    connect(m_suggestReadings, &QPushButton::clicked, this, [this] { suggestReadings(); });
    layout->addWidget(buttons);
    retranslate();
    if (stored)
        loadTimeline();
    resize(1000, 560);
}

int LeadEditor::suggestReadings() {
    const japan::ReadingDictionary dictionary;
    if (const QString e = dictionary.error(); !e.isEmpty()) {
        MessageBox::warning(this, tr("Suggest readings"), e);
        return 0;
    }
    const std::tuple<const char *, const char *, japan::ReadingKind> pairs[] = {
        {"company", "companyReading", japan::ReadingKind::Company},
        {"familyName", "familyReading", japan::ReadingKind::Person},
        {"givenName", "givenReading", japan::ReadingKind::Person}};
    int filled = 0;
    for (const auto &[nameKey, readingKey, kind] : pairs) {
        QLineEdit *name = m_lines.value(QLatin1String(nameKey));
        QLineEdit *reading = m_lines.value(QLatin1String(readingKey));
        if (!name || !reading || name->text().trimmed().isEmpty() ||
            !reading->text().trimmed().isEmpty())
            continue;
        const japan::ReadingGuess guess = dictionary.guess(name->text().trimmed(), kind);
        if (guess.reading.isEmpty())
            continue;
        reading->setText(guess.reading);
        ++filled;
        if (guess.agreed) {
            reading->setStyleSheet(QStringLiteral("QLineEdit { background: #e3f4e6; }"));
            reading->setToolTip(tr("Suggested: both dictionaries read it so."));
        } else {
            reading->setStyleSheet(
                QStringLiteral("QLineEdit { background: #fff4d6; border: 1px solid #d9a300; }"));
            reading->setToolTip(
                guess.alternative.isEmpty()
                    ? tr("Suggested by one dictionary only: check it.")
                    : tr("Suggested: the dictionaries differ (the other reads %1): check it.")
                          .arg(guess.alternative));
        }
        // Typing in it again clears the mark.
        connect(reading, &QLineEdit::textEdited, reading, [reading] {
            reading->setStyleSheet(QString());
            reading->setToolTip(QString());
        });
    }
    if (filled == 0)
        MessageBox::information(this, tr("Suggest readings"),
                                tr("There is no empty reading to fill that the dictionaries can "
                                   "read (they read Japanese names and companies)."));
    return filled;
}

void LeadEditor::addContactRow(const ContactPoint &contact) {
    const int row = m_contacts->rowCount();
    m_contacts->insertRow(row);
    auto *kind = new QComboBox(m_contacts);
    kind->setObjectName(QStringLiteral("contactKind"));
    for (const ContactKindName &n : kContactKinds)
        kind->addItem(tr(n.label.source, n.label.comment), storage::contactKindKey(n.kind));
    kind->setCurrentIndex(kind->findData(storage::contactKindKey(contact.kind)));
    auto *value = new QLineEdit(contact.value, m_contacts);
    value->setObjectName(QStringLiteral("contactValue"));
    value->setCursorPosition(0); // a long address shows its start
    value->setFrame(false);
    auto *label = new QLineEdit(contact.label, m_contacts);
    label->setObjectName(QStringLiteral("contactLabel"));
    label->setFrame(false);
    label->setPlaceholderText(tr("e.g. Work"));
    auto *remove = new QToolButton(m_contacts);
    remove->setObjectName(QStringLiteral("removeContact"));
    remove->setText(QStringLiteral("✕"));
    remove->setAutoRaise(true);
    remove->setToolTip(tr("Remove this email or number"));
    m_contacts->setCellWidget(row, KindColumn, kind);
    m_contacts->setCellWidget(row, ValueColumn, value);
    m_contacts->setCellWidget(row, LabelColumn, label);
    m_contacts->setCellWidget(row, RemoveColumn, remove);
    connect(value, &QLineEdit::editingFinished, this, &LeadEditor::validate);
    connect(kind, &QComboBox::currentIndexChanged, this, &LeadEditor::validate);
    connect(remove, &QToolButton::clicked, this, [this, remove] {
        for (int r = 0; r < m_contacts->rowCount(); ++r) {
            if (m_contacts->cellWidget(r, RemoveColumn) == remove) {
                m_contacts->removeRow(r);
                break;
            }
        }
        validate();
    });
}

void LeadEditor::addCustomFieldRow(const CustomField &field) {
    const int row = m_custom->rowCount();
    m_custom->insertRow(row);
    auto *name = new QLineEdit(field.name, m_custom);
    name->setObjectName(QStringLiteral("customName"));
    name->setFrame(false);
    name->setPlaceholderText(tr("e.g. Industry"));
    auto *value = new QLineEdit(field.value, m_custom);
    value->setObjectName(QStringLiteral("customValue"));
    value->setCursorPosition(0);
    value->setFrame(false);
    auto *remove = new QToolButton(m_custom);
    remove->setObjectName(QStringLiteral("removeCustomField"));
    remove->setText(QStringLiteral("✕"));
    remove->setAutoRaise(true);
    remove->setToolTip(tr("Remove this custom field"));
    m_custom->setCellWidget(row, 0, name);
    m_custom->setCellWidget(row, 1, value);
    m_custom->setCellWidget(row, 2, remove);
    connect(name, &QLineEdit::editingFinished, this, &LeadEditor::validate);
    connect(value, &QLineEdit::editingFinished, this, &LeadEditor::validate);
    connect(remove, &QToolButton::clicked, this, [this, remove] {
        for (int r = 0; r < m_custom->rowCount(); ++r) {
            if (m_custom->cellWidget(r, 2) == remove) {
                m_custom->removeRow(r);
                break;
            }
        }
        validate();
    });
}

QString LeadEditor::customFieldsMessage() const {
    return !m_customError->isHidden() ? m_customError->text() : QString();
}

QLineEdit *LeadEditor::addLine(QFormLayout *form, const QString &key, const QString &value) {
    auto *edit = new QLineEdit(value, form->parentWidget());
    edit->setObjectName(key);
    auto *label = new QLabel(form->parentWidget());
    label->setBuddy(edit);
    form->addRow(label, edit);
    m_lines.insert(key, edit);
    m_labels.insert(key, label);
    return edit;
}

void LeadEditor::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void LeadEditor::retranslate() {
    setWindowTitle(m_lead.id > 0 ? tr("Lead: %1")
                                       .arg(m_lead.company.isEmpty() ? m_lead.displayName(true)
                                                                     : m_lead.company)
                                 : tr("New lead"));
    for (const Field &f : kFields) {
        if (QLabel *l = m_labels.value(k(f.key)))
            l->setText(tr(f.label));
    }
    m_labels.value(k("notes"))->setText(tr("Notes"));
    m_contactsLabel->setText(tr("Other emails and numbers"));
    m_addContact->setText(tr("Add email or number"));
    m_contacts->setHorizontalHeaderLabels({tr("Type"), tr("Address or number"),
                                           tr("Label", "of an email or number: Work, direct line"),
                                           QString()});
    for (int r = 0; r < m_contacts->rowCount(); ++r) {
        if (auto *kind = qobject_cast<QComboBox *>(m_contacts->cellWidget(r, KindColumn))) {
            for (int i = 0; i < kind->count(); ++i)
                kind->setItemText(
                    i, tr(kContactKinds[i].label.source, kContactKinds[i].label.comment));
        }
        if (auto *label = qobject_cast<QLineEdit *>(m_contacts->cellWidget(r, LabelColumn)))
            label->setPlaceholderText(tr("e.g. Work"));
        if (auto *remove = m_contacts->cellWidget(r, RemoveColumn))
            remove->setToolTip(tr("Remove this email or number"));
    }
    m_customLabel->setText(tr("Custom fields"));
    m_addCustom->setText(tr("Add custom field"));
    m_custom->setHorizontalHeaderLabels(
        {tr("Name", "of a custom field"), tr("Value", "of a custom field"), QString()});
    for (int r = 0; r < m_custom->rowCount(); ++r) {
        if (auto *name = qobject_cast<QLineEdit *>(m_custom->cellWidget(r, 0)))
            name->setPlaceholderText(tr("e.g. Industry"));
        if (auto *remove = m_custom->cellWidget(r, 2))
            remove->setToolTip(tr("Remove this custom field"));
    }
    m_optOut->setText(tr("Opted out of contact"));
    if (m_cardImage)
        m_cardImage->setText(tr("Card image"));
    m_suggestReadings->setText(tr("Suggest readings"));
    m_suggestReadings->setToolTip(
        tr("Fill the empty reading fields from the dictionaries (MeCab and KAKASI)"));
    if (m_privacy) {
        m_privacy->setText(tr("Privacy"));
        m_exportPerson->setText(tr("Export this person's data…"));
        m_erasePerson->setText(tr("Erase person…"));
    }
    m_temperatureLabel->setText(tr("Temperature"));
    m_temperature->setItemText(0, m_derived
                                      ? tr("Automatic (now %1)").arg(temperatureLabel(*m_derived))
                                      : tr("Automatic"));
    for (int i = 1; i < m_temperature->count(); ++i)
        m_temperature->setItemText(
            i, temperatureLabel(*temperatureFromKey(m_temperature->itemData(i).toString())));
    m_temperature->setToolTip(tr("Automatic: from the score and the days since the last activity "
                                 "(Scoring rules). Choose Hot, Warm or Cold to set it by hand."));
    m_tabs->setTabText(0, tr("Details"));
    m_tabs->setTabText(1, tr("History and activities"));
    m_stageLabel->setText(tr("Stage:"));
    m_moveButton->setText(tr("Change stage"));
    m_lostButton->setText(tr("Mark lost…"));
    m_recycleButton->setText(tr("Recycle"));
    m_logButton->setText(tr("Log activity"));
    m_activityNotes->setPlaceholderText(tr("What happened (optional)"));
    m_timeline->setHeaderLabels({tr("When"), tr("What"), tr("Details")});
    for (int i = 0; i < m_stage->count(); ++i)
        m_stage->setItemText(i, stageLabel(Stage(m_stage->itemData(i).toInt())));
    for (int i = 0; i < m_activityKind->count(); ++i)
        m_activityKind->setItemText(
            i, activityKindLabel(ActivityKind(m_activityKind->itemData(i).toInt())));
    validate();
}

Lead LeadEditor::lead() const {
    Lead l = m_lead;
    const auto v = [this](const char *key) { return m_lines.value(k(key))->text().trimmed(); };
    l.company = v("company");
    l.companyReading = v("companyReading");
    l.department = v("department");
    l.title = v("title");
    l.familyName = v("familyName");
    l.givenName = v("givenName");
    l.familyReading = v("familyReading");
    l.givenReading = v("givenReading");
    l.honorific = v("honorific");
    l.email = v("email");
    l.phone = v("phone");
    l.mobile = v("mobile");
    l.postalCode = v("postalCode");
    l.prefecture = v("prefecture");
    l.city = v("city");
    l.street = v("street");
    l.building = v("building");
    l.country = v("country");
    l.website = v("website");
    l.owner = v("owner");
    l.source = v("source");
    l.optOut = m_optOut->isChecked();
    m_consent->apply(l);
    l.temperatureOverride = temperatureFromKey(m_temperature->currentData().toString());
    l.notes = m_notes->toPlainText();
    l.dealValue = moneyOrNone(v("dealValue"));
    l.lifetimeValue = moneyOrNone(v("lifetimeValue"));
    l.extraContacts.clear();
    for (int r = 0; r < m_contacts->rowCount(); ++r) {
        const auto *kind = qobject_cast<QComboBox *>(m_contacts->cellWidget(r, KindColumn));
        const auto *value = qobject_cast<QLineEdit *>(m_contacts->cellWidget(r, ValueColumn));
        const auto *label = qobject_cast<QLineEdit *>(m_contacts->cellWidget(r, LabelColumn));
        if (!kind || !value || !label)
            continue;
        ContactPoint c{storage::contactKindFromKey(kind->currentData().toString())
                           .value_or(ContactKind::Phone),
                       value->text().trimmed(), label->text().trimmed()};
        if (c.value.isEmpty() && c.label.isEmpty())
            continue; // a row added and left empty
        l.extraContacts.append(c);
    }
    l.customFields.clear();
    for (int r = 0; r < m_custom->rowCount(); ++r) {
        const auto *name = qobject_cast<QLineEdit *>(m_custom->cellWidget(r, 0));
        const auto *value = qobject_cast<QLineEdit *>(m_custom->cellWidget(r, 1));
        if (!name || !value)
            continue;
        const CustomField f{name->text().trimmed(), value->text().trimmed()};
        if (f.name.isEmpty() && f.value.isEmpty())
            continue; // a row added and left empty
        l.customFields.append(f);
    }
    l.updatedAt = QDateTime::currentDateTime();
    return l;
}

QString LeadEditor::emailMessage() const {
    return !m_emailError->isHidden() ? m_emailError->text() : QString();
}

QString LeadEditor::phoneMessage() const {
    return !m_phoneError->isHidden() ? m_phoneError->text() : QString();
}

QString LeadEditor::contactsMessage() const {
    return !m_contactsError->isHidden() ? m_contactsError->text() : QString();
}

bool LeadEditor::validate() {
    const Lead l = lead();
    const auto issues = validateLead(l, phoneRegionOf(m_db));
    const auto show = [&issues](QLabel *label, const QString &key) {
        QString msg;
        for (const auto &[field, text] : issues) {
            if (field == key)
                msg = text;
        }
        label->setText(msg);
        label->setHidden(msg.isEmpty());
    };
    show(m_emailError, k("email"));
    show(m_phoneError, k("phone"));
    show(m_mobileError, k("mobile"));
    show(m_contactsError, k("extraContacts"));
    show(m_customError, k("customFields"));
    bool moneyOk = true;
    for (const char *f : {"dealValue", "lifetimeValue"}) {
        QLineEdit *e = m_lines.value(k(f));
        const auto parsed = parseMoney(e->text());
        const bool bad = !e->text().trimmed().isEmpty() && !parsed;
        e->setStyleSheet(bad ? QStringLiteral("border: 1px solid #b00020;") : QString());
        e->setToolTip(bad ? parsed.error() : QString());
        moneyOk = moneyOk && !bad;
    }
    return issues.isEmpty() && moneyOk;
}

void LeadEditor::accept() {
    if (!validate()) {
        m_tabs->setCurrentIndex(0);
        // Problems without a label of their own under the field (a control character).
        for (const auto &[field, text] : validateLead(lead(), phoneRegionOf(m_db))) {
            if (field != k("email") && field != k("phone") && field != k("mobile") &&
                field != k("extraContacts") && field != k("customFields")) {
                MessageBox::warning(this, windowTitle(), text);
                break;
            }
        }
        return;
    }
    const Lead l = lead();
    if (l.company.isEmpty() && l.familyName.isEmpty() && l.givenName.isEmpty() &&
        l.email.isEmpty()) {
        MessageBox::warning(this, windowTitle(),
                            tr("Enter at least a company, a name or an email."));
        return;
    }
    auto matches = storage::findDuplicates(m_db, l);
    if (!matches) {
        MessageBox::warning(this, windowTitle(), matches.error());
        return;
    }
    m_choice = DuplicateChoice::SaveAnyway;
    if (!matches->isEmpty()) {
        m_choice = m_chooser ? m_chooser(*matches) : askDuplicates(*matches);
        m_duplicateId = matches->first().id;
        if (m_choice == DuplicateChoice::Cancel)
            return;
    }
    QDialog::accept();
}

DuplicateChoice LeadEditor::askDuplicates(const QList<storage::DuplicateMatch> &matches) {
    QStringList lines;
    for (const storage::DuplicateMatch &m : matches.mid(0, 5)) {
        Lead l;
        l.familyName = m.familyName;
        l.givenName = m.givenName;
        lines << tr("%1 — %2 (%3)")
                     .arg(m.company, l.displayName(QLocale().language() == QLocale::Japanese),
                          storage::duplicateReasonLabel(m.reason));
    }
    QMessageBox box(
        QMessageBox::Warning, tr("Possible duplicate"),
        tr("This lead looks like %n lead(s) already stored:", nullptr, int(matches.size())) +
            QStringLiteral("\n\n") + lines.join(QLatin1Char('\n')),
        QMessageBox::NoButton, this);
    QPushButton *open = box.addButton(tr("Open existing"), QMessageBox::ActionRole);
    QPushButton *merge = box.addButton(tr("Merge into existing"), QMessageBox::ActionRole);
    QPushButton *save = box.addButton(tr("Save anyway"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    QAbstractButton *chosen = MessageBox::exec(box);
    if (chosen == open)
        return DuplicateChoice::OpenExisting;
    if (chosen == merge)
        return DuplicateChoice::Merge;
    if (chosen == save)
        return DuplicateChoice::SaveAnyway;
    return DuplicateChoice::Cancel;
}

void LeadEditor::loadTimeline() {
    m_timeline->clear();
    storage::LeadRepository repo(m_db);
    struct Entry {
        QDateTime at;
        QString what;
        QString details;
    };
    QList<Entry> entries;
    if (auto h = repo.history(m_lead.id)) {
        for (const StageChange &c : *h) {
            QString what = c.lost       ? tr("Marked lost")
                           : c.recycled ? tr("Recycled to %1").arg(stageLabel(c.toStage))
                                        : tr("Stage: %1").arg(stageLabel(c.toStage));
            entries.append(
                {c.changedAt, what, QStringList{c.user, c.note}.join(QLatin1Char(' ')).trimmed()});
        }
    }
    if (auto t = repo.touchpoints(m_lead.id)) {
        for (const Touchpoint &tp : *t)
            entries.append({tp.occurredAt, tr("Touchpoint: %1").arg(tp.source),
                            QStringList{tp.medium, tp.campaign, tp.content}
                                .join(QLatin1Char(' '))
                                .simplified()});
    }
    if (auto a = repo.activities(m_lead.id)) {
        for (const Activity &ac : *a)
            entries.append({ac.occurredAt, activityKindLabel(ac.kind),
                            QStringList{ac.user, ac.notes}.join(QLatin1Char(' ')).trimmed()});
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.at > b.at; });
    for (const Entry &e : std::as_const(entries))
        new QTreeWidgetItem(m_timeline,
                            {QLocale().toString(e.at, QLocale::ShortFormat), e.what, e.details});
    if (auto cur = repo.get(m_lead.id)) {
        m_lead.stage = cur->stage;
        m_lead.lost = cur->lost;
        m_lead.furthestStage = cur->furthestStage;
        // This editor's own stage moves and activities made new versions: a save goes over
        // the newest (someone else's save in between is caught when the timeline is read).
        m_lead.version = cur->version;
    }
}

void LeadEditor::logActivity() {
    Activity a;
    a.leadId = m_lead.id;
    a.kind = ActivityKind(m_activityKind->currentData().toInt());
    a.occurredAt = QDateTime::currentDateTime();
    a.user = AppSettings().ownerName();
    a.notes = m_activityNotes->text().trimmed();
    // Undoable like every other change; the score follows (behaviour rules).
    const QPointer<LeadEditor> self(this);
    const auto applied = [self] {
        if (self) {
            self->loadTimeline();
            emit self->leadChanged();
        }
    };
    auto failed = std::make_shared<bool>(false);
    const auto error = [self, failed](const QString &msg) {
        *failed = true;
        if (self)
            MessageBox::warning(self, self->windowTitle(), msg);
    };
    auto *cmd = new commands::LogActivityCommand(m_db, a, applied, error);
    commands::push(m_undo, cmd);
    if (*failed)
        return;
    m_activityNotes->clear();
}

void LeadEditor::stageAction(int kind) {
    QString reason;
    if (kind == 1) {
        bool ok = false;
        reason = QInputDialog::getText(this, tr("Mark lost"), tr("Reason the lead was lost:"),
                                       QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return;
    }
    // The command outlives this dialog on the undo stack: its callbacks must not touch a
    // closed editor.
    const QPointer<LeadEditor> self(this);
    const auto applied = [self] {
        if (self) {
            self->loadTimeline();
            emit self->leadChanged();
        }
    };
    const auto error = [self](const QString &msg) {
        if (self)
            MessageBox::warning(self, self->windowTitle(), msg);
    };
    const Stage stage = Stage(m_stage->currentData().toInt());
    // Becoming a customer is winning a deal: its value and day are asked, as on the Pipeline.
    std::optional<WonDeal> won;
    if (kind == 0 && stage == Stage::Customer) {
        QString problem;
        const auto asked = askWonDeals(m_db, {m_lead.id}, AppSettings().currency(), this, &problem);
        if (!asked) {
            if (!problem.isEmpty())
                MessageBox::warning(this, windowTitle(), problem);
            return;
        }
        won = asked->value(0);
    }
    auto *cmd = new commands::StageCommand(
        m_db, m_lead.id,
        won ? commands::StageCommand::Kind::Won
            : (kind == 0 ? commands::StageCommand::Kind::Move
                         : (kind == 1 ? commands::StageCommand::Kind::Lost
                                      : commands::StageCommand::Kind::Recycle)),
        stage, SqlKind::None, reason, AppSettings().ownerName(), applied, error);
    if (won)
        cmd->setWonDeal(won->value, won->wonAt);
    commands::push(m_undo, cmd);
}

} // namespace mikomi::ui

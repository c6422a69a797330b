#include "ui/settingsdialog.h"
#include "ui/messagebox.h"

#include "models/appsettings.h"
#include "models/language.h"
#include "models/storage/countrystore.h"
#include "models/storage/currencystore.h"
#include "models/storage/repositories.h"
#include "models/storage/rowsecurity.h"
#include "models/storage/serverlogin.h"
#include "models/text/normalize.h"
#include "models/text/phone.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollBar>
#include <QSet>
#include <QTableWidget>

namespace mikomi::ui {

SettingsDialog::SettingsDialog(LanguageManager *language, storage::Database *db, QWidget *parent)
    : QDialog(parent)
    , m_language(language)
    , m_db(db) {
    m_form = new QFormLayout(this);
    m_languageBox = new QComboBox(this);
    // Language names are shown in their own language, as is the convention.
    m_languageBox->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_languageBox->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_languageBox->setCurrentIndex(m_languageBox->findData(m_language->language()));
    m_currencyBox = new QComboBox(this);
    m_currencyBox->addItem(QString(), currencyKey(Currency::JPY));
    m_currencyBox->addItem(QString(), currencyKey(Currency::USD));
    const AppSettings settings;
    m_currencyBox->setCurrentIndex(m_currencyBox->findData(currencyKey(settings.currency())));
    m_currencyNote = new QLabel(this);
    m_currencyNote->setWordWrap(true);
    if (m_db) {
        const auto amounts = storage::hasAmounts(*m_db);
        m_currencyLocked = !amounts || *amounts; // unknown: as safe as holding amounts
    }
    m_currencyBox->setEnabled(!m_currencyLocked);
    m_owner = new QLineEdit(settings.ownerName(), this);
    // On a team server the signed-in role says who you are (Users below, "Server login").
    m_owner->setReadOnly(!AppSettings::databaseUser().isEmpty());
    // Each row gets its own label widget, kept so retranslate() can set its text (a row added
    // with an empty label string has no label widget at all).
    m_languageLabel = new QLabel(this);
    m_currencyLabel = new QLabel(this);
    m_ownerLabel = new QLabel(this);
    m_languageLabel->setBuddy(m_languageBox);
    m_currencyLabel->setBuddy(m_currencyBox);
    m_ownerLabel->setBuddy(m_owner);
    m_form->addRow(m_languageLabel, m_languageBox);
    m_form->addRow(m_currencyLabel, m_currencyBox);
    m_form->addRow(QString(), m_currencyNote); // under the box, no label of its own
    if (m_db) {
        auto country = storage::phoneRegion(*m_db);
        m_country = country ? *country : QString();
        m_countryBox = new QComboBox(this);
        m_countryBox->setObjectName(QStringLiteral("country"));
        for (const text::PhoneRegionName &r : text::phoneRegionNames())
            m_countryBox->addItem(QString(), r.code);
        if (!m_country.isEmpty() && m_countryBox->findData(m_country) < 0)
            m_countryBox->addItem(QString(), m_country); // set elsewhere to a region not listed
        m_countryBox->setCurrentIndex(m_countryBox->findData(m_country));
        m_countryLabel = new QLabel(this);
        m_countryLabel->setBuddy(m_countryBox);
        m_countryNote = new QLabel(this);
        m_countryNote->setWordWrap(true);
        if (!country)
            m_countryError = country.error();
        m_form->addRow(m_countryLabel, m_countryBox);
        m_form->addRow(QString(), m_countryNote);
    }
    m_form->addRow(m_ownerLabel, m_owner);
    if (m_db) {
        // The users (owners) and their email addresses: an import whose owner column holds an
        // address assigns the user who has it.
        QHash<QString, QString> roles; // by user name (folded): the role that signs in as them
        QSet<QString> managers;
        if (auto role = storage::serverRole(*m_db); role && !role->isEmpty()) {
            m_serverLogins = true;
            if (auto logins = storage::serverLogins(*m_db)) {
                for (const auto &[r, user] : std::as_const(*logins))
                    roles.insert(text::foldKey(user), r);
            } else {
                m_usersError = logins.error();
            }
            if (auto marked = storage::teamManagers(*m_db))
                managers = *marked;
            else
                m_usersError = marked.error();
        }
        if (auto rls = storage::rowSecurity(*m_db)) {
            m_rlsAvailable = rls->available;
            m_rlsServerVersion = rls->serverVersion;
            m_rlsOn = rls->on;
            m_rlsMayChange = rls->mayChange;
            m_rlsOwner = rls->owner;
            m_usersLocked = rls->on && !rls->seesAll;
        } else {
            m_rlsError = rls.error();
        }
        m_users = new QTableWidget(0, m_serverLogins ? 4 : 2, this);
        m_users->setObjectName(QStringLiteral("users"));
        m_users->verticalHeader()->hide();
        m_users->horizontalHeader()->setStretchLastSection(true);
        m_users->setSelectionMode(QAbstractItemView::SingleSelection);
        m_users->setWordWrap(false);
        if (auto users = storage::UserRepository(*m_db).list()) {
            for (const User &u : *users) {
                const int row = m_users->rowCount();
                m_users->insertRow(row);
                auto *name = new QTableWidgetItem(u.name);
                name->setFlags(name->flags() & ~Qt::ItemIsEditable);
                name->setData(Qt::UserRole, u.id);
                m_users->setItem(row, 0, name);
                auto *email = new QTableWidgetItem(u.email);
                email->setData(Qt::UserRole, u.email); // as stored
                m_users->setItem(row, 1, email);
                if (m_serverLogins) {
                    const QString role = roles.value(text::foldKey(u.name));
                    auto *login = new QTableWidgetItem(role);
                    login->setData(Qt::UserRole, role); // as stored
                    m_users->setItem(row, 2, login);
                    // Whether the row's role is a manager (sees every lead when reps see only
                    // their own); the mark belongs to the role, so it follows a changed login.
                    auto *manager = new QTableWidgetItem;
                    manager->setFlags((manager->flags() | Qt::ItemIsUserCheckable) &
                                      ~Qt::ItemIsEditable);
                    const bool marked = !role.isEmpty() && managers.contains(role);
                    manager->setCheckState(marked ? Qt::Checked : Qt::Unchecked);
                    manager->setData(Qt::UserRole, marked); // as stored
                    m_users->setItem(row, 3, manager);
                }
                if (m_usersLocked) {
                    // Only a manager (or the owner) may change them while it is on.
                    for (int column = 1; column < m_users->columnCount(); ++column) {
                        QTableWidgetItem *item = m_users->item(row, column);
                        item->setFlags(
                            item->flags() &
                            ~(Qt::ItemIsEditable | Qt::ItemIsUserCheckable | Qt::ItemIsEnabled));
                    }
                }
            }
        } else {
            m_usersError = users.error();
        }
        m_usersLabel = new QLabel(this);
        m_usersLabel->setBuddy(m_users);
        m_usersNote = new QLabel(this);
        m_usersNote->setWordWrap(true);
        m_form->addRow(m_usersLabel, m_users);
        m_form->addRow(QString(), m_usersNote);
        m_rowSecurity = new QCheckBox(this);
        m_rowSecurity->setObjectName(QStringLiteral("rowSecurity"));
        m_rowSecurity->setChecked(m_rlsOn);
        m_rowSecurity->setEnabled(m_rlsAvailable && m_rlsMayChange);
        m_rowSecurityNote = new QLabel(this);
        m_rowSecurityNote->setObjectName(QStringLiteral("rowSecurityNote"));
        m_rowSecurityNote->setWordWrap(true);
        m_form->addRow(QString(), m_rowSecurity);
        m_form->addRow(QString(), m_rowSecurityNote);
    }
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    retranslate();
}

void SettingsDialog::accept() {
    AppSettings settings;
    const QString lang = m_languageBox->currentData().toString();
    settings.setLanguage(lang);
    m_language->apply(lang);
    const Currency currency =
        currencyFromKey(m_currencyBox->currentData().toString()).value_or(Currency::JPY);
    if (currency != settings.currency()) {
        if (m_db) {
            if (Status st = storage::changeCurrency(*m_db, currency); !st) {
                MessageBox::warning(this, windowTitle(), st.error());
                return;
            }
            AppSettings::setDatabaseCurrency(currency);
        }
    }
    if (m_countryBox) {
        const QString country = m_countryBox->currentData().toString();
        if (!country.isEmpty() && country != m_country) {
            if (Status st = storage::changeCountry(*m_db, country); !st) {
                MessageBox::warning(this, windowTitle(), st.error());
                return;
            }
        }
    }
    if (m_users) {
        QList<std::pair<qint64, QString>> emails;
        for (int row = 0; row < m_users->rowCount(); ++row) {
            const QTableWidgetItem *email = m_users->item(row, 1);
            if (email->text().trimmed() != email->data(Qt::UserRole).toString())
                emails.append({m_users->item(row, 0)->data(Qt::UserRole).toLongLong(),
                               email->text().trimmed()});
        }
        if (!emails.isEmpty()) {
            if (Status st = storage::UserRepository(*m_db).setEmails(emails); !st) {
                MessageBox::warning(this, windowTitle(), st.error());
                return;
            }
        }
        for (int row = 0; m_serverLogins && row < m_users->rowCount(); ++row) {
            const QTableWidgetItem *login = m_users->item(row, 2);
            const QString before = login->data(Qt::UserRole).toString();
            const QString now = login->text().trimmed();
            if (now == before)
                continue;
            Status st;
            if (!before.isEmpty())
                st = storage::setServerLogin(*m_db, before, QString());
            if (st && !now.isEmpty())
                st = storage::setServerLogin(*m_db, now, m_users->item(row, 0)->text());
            if (!st) {
                MessageBox::warning(this, windowTitle(), st.error());
                return;
            }
        }
        // Manager marks (per role), after the logins they follow.
        for (int row = 0; m_serverLogins && !m_usersLocked && row < m_users->rowCount(); ++row) {
            const QTableWidgetItem *login = m_users->item(row, 2);
            const QTableWidgetItem *manager = m_users->item(row, 3);
            const QString before = login->data(Qt::UserRole).toString();
            const QString now = login->text().trimmed();
            const bool was = manager->data(Qt::UserRole).toBool();
            const bool is = manager->checkState() == Qt::Checked && !now.isEmpty();
            Status st;
            if (was && !before.isEmpty() && (before != now || !is))
                st = storage::setTeamManager(*m_db, before, false);
            if (st && is && (before != now || !was))
                st = storage::setTeamManager(*m_db, now, true);
            if (!st) {
                MessageBox::warning(this, windowTitle(), st.error());
                return;
            }
        }
    }
    if (m_rowSecurity && m_rowSecurity->isEnabled() && m_rowSecurity->isChecked() != m_rlsOn) {
        if (Status st = storage::setRowSecurity(*m_db, m_rowSecurity->isChecked()); !st) {
            MessageBox::warning(this, windowTitle(), st.error());
            return;
        }
    }
    // The default for new databases, unless the box only showed the open database's currency.
    if (m_currencyBox->isEnabled())
        settings.setDefaultCurrency(currency);
    if (!m_owner->isReadOnly())
        settings.setOwnerName(m_owner->text());
    QDialog::accept();
}

void SettingsDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate() {
    setWindowTitle(tr("Settings"));
    m_currencyBox->setItemText(0, tr("Japanese yen (¥)"));
    m_currencyBox->setItemText(1, tr("US dollar ($)"));
    m_owner->setPlaceholderText(tr("Your name, used as the owner of new leads"));
    // The hint is the field's explanation: show it whole.
    m_owner->setMinimumWidth(m_owner->fontMetrics().horizontalAdvance(m_owner->placeholderText()) +
                             16);
    m_languageLabel->setText(tr("Language:"));
    m_currencyLabel->setText(tr("Currency:"));
    if (!m_db)
        m_currencyNote->setText(tr("The currency of new databases."));
    else if (m_currencyLocked)
        m_currencyNote->setText(tr("The currency of this database. It already holds amounts, so "
                                   "it cannot be changed; use a new database for another "
                                   "currency."));
    else
        m_currencyNote->setText(tr("The currency of this database and of new ones."));
    m_ownerLabel->setText(tr("Your name:"));
    if (m_users) {
        QStringList headers{tr("User"), tr("Email address")};
        if (m_serverLogins)
            headers << tr("Server login") << tr("Manager", "sees every lead of the team");
        m_users->setHorizontalHeaderLabels(headers);
        // Wide enough for every name and address in this language, so that nothing is cut.
        m_users->resizeColumnsToContents();
        // An address typed later has room for about 36 characters before it scrolls.
        const int emailWidth =
            qMax(m_users->columnWidth(1), m_users->fontMetrics().averageCharWidth() * 36);
        const int width = m_users->columnWidth(0) + emailWidth +
                          (m_serverLogins ? m_users->columnWidth(2) + m_users->columnWidth(3) : 0) +
                          2 * m_users->frameWidth() +
                          m_users->verticalScrollBar()->sizeHint().width();
        m_users->setMinimumWidth(qMin(width, 720));
        m_usersLabel->setText(tr("Users:"));
        m_usersNote->setText(m_usersError.isEmpty()
                                 ? (m_serverLogins
                                        ? tr("An import whose owner column holds an email "
                                             "address assigns the user with that address. Server "
                                             "login: the PostgreSQL role that signs in as the "
                                             "user; history and edits record the user.")
                                        : tr("An import whose owner column holds an email "
                                             "address assigns the user with that address."))
                                 : m_usersError);
        m_rowSecurity->setText(tr("Reps see only their own leads (row-level security)"));
        QString note;
        if (!m_rlsError.isEmpty())
            note = m_rlsError;
        else if (!m_rlsAvailable && m_rlsServerVersion > 0)
            note = tr("Needs PostgreSQL 15 or later on the server (this one is %1).")
                       .arg(m_rlsServerVersion / 10000);
        else if (!m_rlsAvailable)
            note = tr("Only on a team server: a file on this computer has one user, and SQLite "
                      "has no row-level security. Connect to a team server (File > Connect to "
                      "Team Server…) to use it.");
        else if (m_rlsMayChange)
            note = tr("When this is on, each rep sees and changes only the leads they own, in "
                      "every list, "
                      "search, report and export (the server enforces it). The roles marked "
                      "Manager above and the owner of Mikomi's tables (%1, you) see everything.")
                       .arg(m_rlsOwner);
        else if (m_usersLocked)
            note = tr("On: you see only the leads you own. Only the owner of Mikomi's tables on "
                      "the server (%1) may turn it off, and only a manager may change the users "
                      "above.")
                       .arg(m_rlsOwner);
        else if (m_rlsOn)
            note = tr("On: each rep sees only the leads they own; as a manager you see "
                      "everything. Only the owner of Mikomi's tables on the server (%1) may turn "
                      "it off.")
                       .arg(m_rlsOwner);
        else
            note = tr("Only the owner of Mikomi's tables on the server (%1) may turn this on.")
                       .arg(m_rlsOwner);
        m_rowSecurityNote->setText(note);
    }
    if (m_countryBox) {
        const QList<text::PhoneRegionName> names = text::phoneRegionNames();
        for (int i = 0; i < m_countryBox->count(); ++i) {
            const QString code = m_countryBox->itemData(i).toString();
            QString name = code;
            for (const text::PhoneRegionName &r : names) {
                if (r.code == code)
                    name = r.name;
            }
            m_countryBox->setItemText(i, tr("%1 (%2)", "country name (ISO code)").arg(name, code));
        }
        m_countryLabel->setText(tr("Country:"));
        m_countryNote->setText(
            m_countryError.isEmpty()
                ? tr("Phone numbers in this database written without a country code (+81, +1…) "
                     "belong to this country. Numbers already stored keep their meaning.")
                : m_countryError);
    }
}

} // namespace mikomi::ui

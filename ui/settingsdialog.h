#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace mikomi {
class LanguageManager;
namespace storage {
class Database;
}
} // namespace mikomi

namespace mikomi::ui {

// Settings: language (applied at once, no restart), currency, the database's country and the
// user's own name. The currency is the open database's (storage/currencystore.h) and the default
// for new ones; it cannot be changed for a database that already holds amounts (the box is
// disabled and says why). The country (storage/countrystore.h) is the region of phone numbers
// typed or imported without a country code; it is shown only with a database open. So are the
// users (the leads' owners) with their email addresses, which an import's owner column may give.
class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(LanguageManager *language, storage::Database *db = nullptr,
                            QWidget *parent = nullptr);
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    LanguageManager *m_language;
    QFormLayout *m_form = nullptr;
    QComboBox *m_languageBox = nullptr;
    storage::Database *m_db = nullptr;
    bool m_currencyLocked = false; // the database holds amounts
    QComboBox *m_currencyBox = nullptr;
    QLabel *m_currencyNote = nullptr;
    QComboBox *m_countryBox = nullptr; // with a database open only
    QLabel *m_countryLabel = nullptr;
    QLabel *m_countryNote = nullptr;
    QString m_country;      // the database's when the dialog opened
    QString m_countryError; // why it could not be read
    QLineEdit *m_owner = nullptr;
    QTableWidget *m_users = nullptr; // with a database open only: name, email address
    QLabel *m_usersLabel = nullptr;
    QLabel *m_usersNote = nullptr;
    QString m_usersError; // why the users could not be read
    // On a team server: a third column, the PostgreSQL role that signs in as the user
    // (storage/serverlogin.h); the role of each row as read.
    bool m_serverLogins = false;
    // Row-level security (storage/rowsecurity.h): on a server, a fourth column (the role of the
    // row is a manager) and a switch that only the owner of the tables may use; on a file the
    // switch is shown disabled, saying why.
    QCheckBox *m_rowSecurity = nullptr;
    QLabel *m_rowSecurityNote = nullptr;
    bool m_rlsAvailable = false;
    int m_rlsServerVersion = 0; // server_version_num; 0 on a file
    bool m_rlsOn = false;
    bool m_rlsMayChange = false;
    bool m_usersLocked = false; // on, and this role is no manager: users, logins, managers shown
    QString m_rlsOwner;
    QString m_rlsError;
    QLabel *m_languageLabel = nullptr;
    QLabel *m_currencyLabel = nullptr;
    QLabel *m_ownerLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mikomi::ui

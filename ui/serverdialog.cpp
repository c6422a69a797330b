#include "ui/serverdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>

namespace mikomi::ui {
namespace {

QString envOr(const char *name, const QString &fallback) {
    const QString v = qEnvironmentVariable(name);
    return v.isEmpty() ? fallback : v;
}

} // namespace

ServerDialog::ServerDialog(const QString &url, QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(tr("Connect to Team Server"));
    setMinimumWidth(420);
    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(
        tr("A PostgreSQL server holding the team's leads. The password is asked for when the "
           "server wants one and is never stored; libpq's PGPASSWORD and ~/.pgpass are used "
           "when set."),
        this);
    intro->setWordWrap(true);
    form->addRow(intro);
    const QUrl given(url);
    const bool known = given.isValid() && !url.isEmpty();
    m_host =
        new QLineEdit(known ? given.host() : envOr("PGHOST", QStringLiteral("localhost")), this);
    m_host->setObjectName(QStringLiteral("host"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(known && given.port() > 0 ? given.port()
                                               : envOr("PGPORT", QStringLiteral("5432")).toInt());
    m_database = new QLineEdit(
        known ? given.path().mid(1) : envOr("PGDATABASE", QStringLiteral("mikomi")), this);
    m_database->setObjectName(QStringLiteral("database"));
    m_user =
        new QLineEdit(known ? given.userName() : envOr("PGUSER", envOr("USER", QString())), this);
    m_user->setObjectName(QStringLiteral("user"));
    form->addRow(tr("Server:"), m_host);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("Database:"), m_database);
    form->addRow(tr("User:"), m_user);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Connect"));
    m_ok->setObjectName(QStringLiteral("connect"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_host, m_database, m_user})
        connect(e, &QLineEdit::textChanged, this, &ServerDialog::updateOk);
    updateOk();
}

void ServerDialog::updateOk() {
    m_ok->setEnabled(!m_host->text().trimmed().isEmpty() &&
                     !m_database->text().trimmed().isEmpty() &&
                     !m_user->text().trimmed().isEmpty());
}

QString ServerDialog::url() const {
    return url(m_host->text().trimmed(), m_port->value(), m_database->text().trimmed(),
               m_user->text().trimmed());
}

QString ServerDialog::url(const QString &host, int port, const QString &database,
                          const QString &user) {
    QUrl u;
    u.setScheme(QStringLiteral("postgresql"));
    u.setHost(host);
    u.setPort(port);
    u.setUserName(user);
    u.setPath(QLatin1Char('/') + database);
    return u.toString(QUrl::FullyEncoded);
}

} // namespace mikomi::ui

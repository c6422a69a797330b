#pragma once

#include <QDialog>

class QLineEdit;
class QSpinBox;

namespace mikomi::ui {

// File > Connect to team server…: the server's host and port, the database and the user
// (docs/team.md). The password is not asked here: libpq finds it in PGPASSWORD or ~/.pgpass, and
// otherwise the window asks for it when the server wants one; it is never stored.
class ServerDialog final : public QDialog {
    Q_OBJECT
public:
    // Filled from `url` (a recent server, "" for none), else from libpq's PGHOST, PGPORT,
    // PGDATABASE and PGUSER, else localhost:5432, database "mikomi", the login name.
    explicit ServerDialog(const QString &url, QWidget *parent = nullptr);
    // postgresql://user@host:port/database, each part percent-encoded.
    QString url() const;
    static QString url(const QString &host, int port, const QString &database, const QString &user);

    QLineEdit *host() const { return m_host; }
    QSpinBox *port() const { return m_port; }
    QLineEdit *database() const { return m_database; }
    QLineEdit *user() const { return m_user; }

private:
    void updateOk();
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    class QPushButton *m_ok = nullptr;
};

} // namespace mikomi::ui

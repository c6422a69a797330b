#pragma once

#include "models/domain/result.h"
#include "models/storage/database.h"

#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>

namespace mikomi::storage {

// What a booth worker sets up once per show: the event (a source name), the campaign ("" = none)
// and the owner of the cards.
struct BoothSession {
    QString source;
    QString campaign;
    QString owner;
    bool operator==(const BoothSession &) const = default;
};

// The business card being typed, field key → text, so a crash or a closed window loses nothing.
struct CardDraft {
    QMap<QString, QString> fields;
    QDateTime savedAt;
    // True when no field holds any text (nothing worth offering back).
    bool isEmpty() const;
};

// Business-card mode's session and draft, kept in the database's settings table under keys of
// one workstation (two people entering cards into one team database keep their own drafts).
// Every write is committed at once.
class BoothStore final {
public:
    explicit BoothStore(Database &db, QString station = defaultStation());

    // "host/login": the workstation and user whose session and draft these are.
    static QString defaultStation();

    Result<std::optional<BoothSession>> session() const;
    Status setSession(const BoothSession &session);

    // The unsaved card, or nullopt when there is none.
    Result<std::optional<CardDraft>> draft() const;
    // Stores the card (an empty card clears the draft).
    Status saveDraft(const CardDraft &draft);
    Status clearDraft();

private:
    QString key(const char *what) const;
    Result<std::optional<QString>> read(const QString &key) const;
    Database &m_db;
    QString m_station;
};

} // namespace mikomi::storage

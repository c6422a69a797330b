#include "ui/ownerdialog.h"

#include "models/storage/repositories.h"

#include <QCoreApplication>
#include <QInputDialog>

namespace mikomi::ui {

std::optional<QString> askOwner(QWidget *parent, storage::Database &db, int count) {
    QStringList names;
    if (auto users = storage::UserRepository(db).list()) {
        for (const User &u : *users) {
            if (u.active)
                names.append(u.name);
        }
    }
    bool ok = false;
    const QString owner =
        QInputDialog::getItem(
            parent, QCoreApplication::translate("mikomi::ui::OwnerDialog", "Reassign"),
            QCoreApplication::translate("mikomi::ui::OwnerDialog",
                                        "New owner of %n lead(s):", nullptr, count),
            names, 0, true, &ok)
            .trimmed();
    if (!ok || owner.isEmpty())
        return std::nullopt;
    return owner;
}

} // namespace mikomi::ui

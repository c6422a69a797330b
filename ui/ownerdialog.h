#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// Asks for the new owner of `count` leads among the active users (the name can also be typed).
// nullopt when the user cancelled.
std::optional<QString> askOwner(QWidget *parent, storage::Database &db, int count);

} // namespace mikomi::ui

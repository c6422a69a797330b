#include "models/domain/log.h"

namespace mikomi::log {
Q_LOGGING_CATEGORY(storage, "mikomi.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(import, "mikomi.import", QtInfoMsg)
Q_LOGGING_CATEGORY(ui, "mikomi.ui", QtInfoMsg)
} // namespace mikomi::log

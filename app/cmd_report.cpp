#include "app/commands.h"

namespace mikomi::cli {

// Filled in by the analytics work; until then the command says so plainly.
int runReport(const QStringList &) {
    return fail(
        DataError,
        tr("\"%1\" is not available in this version of Mikomi yet.").arg(QStringLiteral("report")));
}

int runBudget(const QStringList &) {
    return fail(
        DataError,
        tr("\"%1\" is not available in this version of Mikomi yet.").arg(QStringLiteral("budget")));
}

int runPlan(const QStringList &) {
    return fail(
        DataError,
        tr("\"%1\" is not available in this version of Mikomi yet.").arg(QStringLiteral("plan")));
}

} // namespace mikomi::cli

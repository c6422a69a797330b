#include "app/commands.h"

namespace mikomi::cli {

// Filled in by the import/export work; until then the command says so plainly.
int runImport(const QStringList &) {
    return fail(
        DataError,
        tr("\"%1\" is not available in this version of Mikomi yet.").arg(QStringLiteral("import")));
}

int runExport(const QStringList &) {
    return fail(
        DataError,
        tr("\"%1\" is not available in this version of Mikomi yet.").arg(QStringLiteral("export")));
}

} // namespace mikomi::cli

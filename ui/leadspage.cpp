#include "ui/comingpage.h"
#include "ui/pages.h"

namespace mikomi::ui {

Page *createLeadsPage(QWidget *parent) {
    return new ComingPage(
        QT_TRANSLATE_NOOP("Mikomi", "Leads"),
        QT_TRANSLATE_NOOP("Mikomi", "All leads: search, edit, business-card entry and duplicates."),
        parent);
}

} // namespace mikomi::ui

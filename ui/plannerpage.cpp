#include "ui/comingpage.h"
#include "ui/pages.h"

namespace mikomi::ui {

Page *createPlannerPage(QWidget *parent) {
    return new ComingPage(
        QT_TRANSLATE_NOOP("Mikomi", "Planner"),
        QT_TRANSLATE_NOOP("Mikomi", "Work back from a revenue goal to the leads you need."),
        parent);
}

} // namespace mikomi::ui

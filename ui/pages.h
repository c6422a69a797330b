#pragma once

// One factory per page of the main window, each in its own file so the pages grow
// independently.

class QWidget;

namespace mikomi::ui {

class Page;

Page *createLeadsPage(QWidget *parent);     // leadspage.cpp
Page *createPipelinePage(QWidget *parent);  // pipelinepage.cpp
Page *createSourcesPage(QWidget *parent);   // sourcespage.cpp
Page *createDashboardPage(QWidget *parent); // dashboardpage.cpp
Page *createBudgetPage(QWidget *parent);    // budgetpage.cpp
Page *createPlannerPage(QWidget *parent);   // plannerpage.cpp
Page *createTrendsPage(QWidget *parent);    // trendspage.cpp

} // namespace mikomi::ui

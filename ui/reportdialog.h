#pragma once

#include "models/analytics/facts.h"
#include "models/analytics/period.h"
#include "ui/reportbuilder.h"

#include <QDate>
#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace mikomi::ui::report {

// What File > Export Report… is asked for: the period (a quick window of the Dashboard or
// custom dates), the attribution model, the growth of the plan page, the report's language
// and whether it is saved as a PDF or shown in a print preview.
struct ReportRequest {
    ReportSettings settings;
    QString language; // "ja" or "en"
    bool preview = false;
};

// The choice the dialog opens with: the Dashboard's window and model, so what the manager sees
// is what gets printed.
struct ReportChoice {
    analytics::Period period = analytics::Period::All;
    analytics::Window custom; // the dates of a custom window
    analytics::Attribution attribution = analytics::Attribution::First;
    QDate today; // the day the quick windows count from (invalid: today)
    bool preview = false;
};

class ReportDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ReportDialog(const ReportChoice &choice, QWidget *parent = nullptr);
    // The settings chosen (the database name and owners are filled by documentFor()).
    ReportRequest request() const;
    analytics::Window window() const;

private:
    void periodChanged();
    void validate();

    QDate m_today;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_model = nullptr;
    QLineEdit *m_growth = nullptr;
    QComboBox *m_language = nullptr;
    QRadioButton *m_pdf = nullptr;
    QRadioButton *m_preview = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mikomi::ui::report

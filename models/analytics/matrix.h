#pragma once

#include "models/analytics/sourcereport.h"

#include <optional>
#include <vector>

// The source comparison matrix (seed 004, "ソース比較マトリックス"): volume, quality, speed and
// cost level of each source category, measured from a source report and shown beside the
// qualitative defaults of the article.
//
// The article's table has eight rows (organic search, content, paid search, paid social,
// outbound, referral, events, partnership); seedMatrix() holds them, each mapped to one of our
// categories. A category's default is the union of the levels of its rows (Inbound = organic
// search + content: volume medium–high … high = "medium–high"), so several rows widen the range.
// The Unknown category has no default.
//
// Measured levels compare a row with the whole window (decisions where the spec is silent):
// - volume: share of leads against an even split over the five named categories (1/5);
// - quality: lead→customer rate against the rate over all leads of the window;
// - speed: median days to close against the median over all customers of the window;
// - cost: CPL against the CPL of the whole window (all spend / all leads).
// Source rows (compared with their category's default) use the same references, except volume:
// a source's leads against the mean leads of the named sources that have leads.
// ratio = row / reference; ratio < 2/3 → low (speed: fast), ≤ 3/2 → medium, ≤ 3 → high
// (speed: slow), > 3 → very high (speed: slow). A null value, or a null or zero reference, has
// no level. A measured level outside the default range disagrees with the article: "above"
// (higher level; for speed: slower) or "below".
namespace mikomi::analytics {

enum class Level { Low = 0, Medium, High, VeryHigh };
enum class Speed { Fast = 0, Medium, Slow };

template <typename T> struct Range {
    T low;
    T high;
    bool contains(T v) const { return low <= v && v <= high; }
    bool operator==(const Range &) const = default;
};
using LevelRange = Range<Level>;
using SpeedRange = Range<Speed>;

enum class Dimension { Volume = 0, Quality, Speed, Cost };
inline constexpr int DimensionCount = 4;

// One row of the article's table. Texts are English source strings, marked for translation in
// matrix.cpp and translated by seedText() (Japanese in mikomi_ja.ts); `seedJa` is the article's
// own wording of the row, kept to trace each row back to the seed.
struct SeedMatrixRow {
    const char *name;   // "Organic search"
    const char *seedJa; // "オーガニック検索"
    SourceCategory category;
    LevelRange volume;
    LevelRange quality;
    SpeedRange speed;
    const char *speedDetail; // "Slow (3–6 months)"
    LevelRange cost;
    const char *bestFor; // "Long-term growth"
};
const std::vector<SeedMatrixRow> &seedMatrix();
// The translation of one of seedMatrix()'s texts (name, speedDetail, bestFor): they are marked in
// matrix.cpp's context, so look them up here rather than in the caller's.
QString seedText(const char *text);

// The default of a category: the union of its seed rows; nullopt for Unknown.
struct CategoryDefault {
    LevelRange volume;
    LevelRange quality;
    SpeedRange speed;
    LevelRange cost;
};
std::optional<CategoryDefault> categoryDefault(SourceCategory c);

// Translated labels: "Low", "Medium–high", "Very high"; "Fast", "Slow", "Varies" (fast … slow).
QString levelLabel(Level l);
QString levelRangeLabel(LevelRange r);
QString speedLabel(Speed s);
QString speedRangeLabel(SpeedRange r);
QString dimensionLabel(Dimension d);

enum class Agreement { NoData = 0, NoDefault, Agrees, Above, Below };

// One measured dimension of a row.
struct MatrixCell {
    std::optional<double> value; // share, lead→customer, median days or CPL (minor units)
    std::optional<double> ratio; // value / reference
    std::optional<int> level;    // Level or Speed as int
    Agreement agreement = Agreement::NoData;
};

struct MatrixRow {
    SourceCategory category = SourceCategory::Unknown;
    bool isSource = false;         // a source row (under its category) rather than a category
    bool isUnknown = false;        // the Unknown source row
    qint32 sourceIndex = NoSource; // source rows
    QString name;                  // source rows: canonical name (empty for Unknown)
    qint64 leads = 0;
    std::optional<CategoryDefault> defaults; // of the row's category
    MatrixCell cells[DimensionCount];

    const MatrixCell &cell(Dimension d) const { return cells[int(d)]; }
    bool disagrees() const;
};

struct SourceMatrix {
    // References of the whole window (nullopt where null).
    std::optional<double> leadToCustomer;
    std::optional<double> medianDays;
    std::optional<double> cpl;
    // One row per category in enum order; the Unknown category only when it has leads or spend.
    std::vector<MatrixRow> categories;
    // One row per source of the report, in the report's order (compared with the defaults of
    // their category).
    std::vector<MatrixRow> sources;
};

SourceMatrix computeSourceMatrix(const SourceReport &report);

// Measured level of a ratio (see above); Level as int for volume/quality/cost, Speed for speed.
int levelOfRatio(Dimension d, double ratio);

// A sentence for the tooltip of a disagreeing cell, e.g. "Measured: high; the article expects
// low–medium." (translated); empty when the cell agrees or cannot be compared.
QString agreementText(const MatrixRow &row, Dimension d);

} // namespace mikomi::analytics

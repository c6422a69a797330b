#include "models/analytics/largestremainder.h"

#include <QtNumeric>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <utility>

namespace mikomi::analytics {
namespace {

// a × b as a 128-bit value (hi, lo), portable (MSVC has no __int128).
std::pair<quint64, quint64> mul128(quint64 a, quint64 b) {
    const quint64 aLo = a & 0xffffffffu;
    const quint64 aHi = a >> 32;
    const quint64 bLo = b & 0xffffffffu;
    const quint64 bHi = b >> 32;
    const quint64 ll = aLo * bLo;
    const quint64 lh = aLo * bHi;
    const quint64 hl = aHi * bLo;
    const quint64 hh = aHi * bHi;
    const quint64 mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
    const quint64 lo = (ll & 0xffffffffu) | (mid << 32);
    const quint64 hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
    return {hi, lo};
}

// (quotient, remainder) of a × b / c, or nullopt when the quotient exceeds qint64.
std::optional<std::pair<qint64, qint64>> mulDivMod(qint64 a, qint64 b, qint64 c) {
    if (a < 0 || b < 0 || c <= 0)
        return std::nullopt;
    qint64 product = 0;
    if (!qMulOverflow(a, b, &product))
        return std::pair<qint64, qint64>{product / c, product % c};
    const auto [hi, lo] = mul128(static_cast<quint64>(a), static_cast<quint64>(b));
    const auto d = static_cast<quint64>(c);
    if (hi >= d)
        return std::nullopt; // quotient needs more than 64 bits
    // Long division, one bit at a time; r < d < 2^63 so r << 1 never overflows.
    quint64 r = hi;
    quint64 q = 0;
    for (int bit = 63; bit >= 0; --bit) {
        r = (r << 1) | ((lo >> bit) & 1u);
        q <<= 1;
        if (r >= d) {
            r -= d;
            q |= 1u;
        }
    }
    if (q > static_cast<quint64>(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    return std::pair<qint64, qint64>{static_cast<qint64>(q), static_cast<qint64>(r)};
}

} // namespace

std::optional<qint64> mulDivFloor(qint64 a, qint64 b, qint64 c) {
    const auto qr = mulDivMod(a, b, c);
    if (!qr)
        return std::nullopt;
    return qr->first;
}

std::optional<qint64> mulDivCeil(qint64 a, qint64 b, qint64 c) {
    const auto qr = mulDivMod(a, b, c);
    if (!qr)
        return std::nullopt;
    if (qr->second == 0)
        return qr->first;
    if (qr->first == std::numeric_limits<qint64>::max())
        return std::nullopt;
    return qr->first + 1;
}

std::vector<qint64> largestRemainder(qint64 total, const std::vector<qint64> &weights,
                                     const std::vector<QString> &names) {
    const std::size_t n = weights.size();
    std::vector<qint64> parts(n, 0);
    if (n == 0 || total <= 0)
        return parts;

    std::vector<qint64> w(n);
    qint64 sum = 0;
    bool overflow = false;
    for (std::size_t i = 0; i < n; ++i) {
        w[i] = std::max<qint64>(weights[i], 0);
        overflow = overflow || qAddOverflow(sum, w[i], &sum);
    }
    if (overflow) {
        // Scale weights down (keeps the proportions to ~1e-9, far below one unit of money).
        qint64 maxW = *std::max_element(w.begin(), w.end());
        const qint64 divisor = maxW / (std::numeric_limits<qint64>::max() / qint64(n + 1)) + 1;
        sum = 0;
        for (qint64 &x : w) {
            x /= divisor;
            sum += x;
        }
    }
    if (sum == 0) {
        std::fill(w.begin(), w.end(), 1);
        sum = static_cast<qint64>(n);
    }

    std::vector<qint64> remainder(n, 0);
    qint64 handedOut = 0;
    for (std::size_t i = 0; i < n; ++i) {
        // w[i] ≤ sum, so the quotient ≤ total always fits.
        const auto qr = mulDivMod(total, w[i], sum);
        parts[i] = qr->first;
        remainder[i] = qr->second;
        handedOut += parts[i];
    }
    qint64 left = total - handedOut; // < n
    if (left <= 0)
        return parts;

    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    const auto nameOf = [&](std::size_t i) { return i < names.size() ? names[i] : QString(); };
    // Remainders are all over the same denominator (sum), so they compare as integers; so do the
    // exact shares (total × w / sum), by weight.
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (remainder[a] != remainder[b])
            return remainder[a] > remainder[b];
        if (w[a] != w[b])
            return w[a] > w[b];
        const int c = QString::compare(nameOf(a), nameOf(b));
        if (c != 0)
            return c < 0;
        return a < b;
    });
    for (std::size_t k = 0; k < order.size() && left > 0; ++k, --left)
        ++parts[order[k]];
    return parts;
}

} // namespace mikomi::analytics

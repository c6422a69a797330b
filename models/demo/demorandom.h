#pragma once

#include <QtGlobal>

#include <vector>

namespace mikomi::demo {

// xoshiro256** seeded through splitmix64. Integer arithmetic only, so one seed gives the same
// sequence with every compiler, standard library and CPU (std::uniform_int_distribution and
// friends are implementation-defined and differ between libstdc++, libc++ and MSVC; floating
// point may be contracted differently, so no double ever decides anything here).
class Random final {
public:
    explicit Random(quint64 seed) {
        for (quint64 &s : m_s)
            s = splitMix(seed);
    }

    quint64 next() {
        const quint64 x = m_s[1] * 5;
        const quint64 result = ((x << 7) | (x >> 57)) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = (m_s[3] << 45) | (m_s[3] >> 19);
        return result;
    }

    // Uniform in [0, n) for 0 < n < 2^32 (multiply-shift on the top 32 bits).
    quint32 below(quint32 n) { return quint32(((next() >> 32) * n) >> 32); }
    // Uniform in [lo, hi], both included.
    int between(int lo, int hi) { return lo + int(below(quint32(hi - lo + 1))); }
    qint64 between64(qint64 lo, qint64 hi) { return lo + qint64(next() % quint64(hi - lo + 1)); }
    bool percent(int p) { return int(below(100)) < p; }
    bool permille(int p) { return int(below(1000)) < p; }

    static quint64 splitMix(quint64 &x) {
        quint64 z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

private:
    quint64 m_s[4];
};

// Picks an index with probability proportional to integer weights.
class WeightedPick final {
public:
    WeightedPick() = default;
    template <typename Range, typename WeightOf>
    WeightedPick(const Range &items, WeightOf weightOf) {
        int total = 0;
        for (const auto &item : items) {
            total += weightOf(item);
            m_cumulative.push_back(total);
        }
    }
    explicit WeightedPick(std::initializer_list<int> weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
            m_cumulative.push_back(total);
        }
    }
    int operator()(Random &rng) const {
        // Binary search on the raw array: this runs several times per lead, also in -O0 builds.
        const int *c = m_cumulative.data();
        const int r = int(rng.below(quint32(c[m_cumulative.size() - 1])));
        std::size_t lo = 0, hi = m_cumulative.size() - 1;
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (c[mid] > r)
                hi = mid;
            else
                lo = mid + 1;
        }
        return int(lo);
    }
    int size() const { return int(m_cumulative.size()); }

private:
    std::vector<int> m_cumulative;
};

} // namespace mikomi::demo

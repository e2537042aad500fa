#include "chartquery.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace trainyard {

double smoothStep(double weight, double value, double *accumulated, qint64 *finite) {
    // TensorBoard's smoothing: an EMA started at 0, divided by (1 - w^n) so that the first points are not
    // pulled towards 0. A point that is not finite is shown as it is and leaves the average alone.
    if (!std::isfinite(value))
        return value;
    *accumulated = *accumulated * weight + (1 - weight) * value;
    ++*finite;
    const double debias = weight == 1 ? 1 : 1 - std::pow(weight, double(*finite));
    return *accumulated / debias;
}

std::shared_ptr<SmoothingCache::Entry> SmoothingCache::entry(qint64 seriesId) {
    std::lock_guard lock(m_mutex);
    std::shared_ptr<Entry> &e = m_entries[seriesId];
    if (!e)
        e = std::make_shared<Entry>();
    return e;
}

QVector<double> SmoothingCache::at(StoreReader &reader, qint64 seriesId, double weight,
                                   const QVector<qint64> &seqs) {
    const std::shared_ptr<Entry> e = entry(seriesId);
    std::lock_guard lock(e->mutex);
    if (e->weight != weight) {
        e->weight = weight;
        e->covered = 0;
        e->tail = {};
        e->checkpoint.clear();
    }
    // Fold in the points that arrived since the last query, keeping a checkpoint every stride points.
    const qint64 count = reader.pointCount(seriesId);
    if (e->covered < count) {
        State st = e->tail;
        qint64 seq = e->covered;
        reader.scanValues(seriesId, e->covered, count - 1, [&](double v) {
            st.smoothed = smoothStep(weight, v, &st.accumulated, &st.finite);
            if (seq % CheckpointStride == CheckpointStride - 1)
                e->checkpoint.push_back(st);
            ++seq;
        });
        e->tail = st;
        e->covered = seq;
    }
    QVector<double> out;
    out.reserve(seqs.size());
    if (seqs.isEmpty())
        return out;
    const auto stateBefore = [&](qint64 base) {
        return base == 0 ? State{} : e->checkpoint.at(base / CheckpointStride - 1);
    };
    const qint64 firstBase = seqs.first() / CheckpointStride * CheckpointStride;
    const qint64 last = std::min(seqs.last(), e->covered - 1);
    if (last - firstBase < 65536) {
        // A zoomed-in view: read the span once and walk it.
        QVector<double> values;
        if (last >= firstBase) {
            values.reserve(last - firstBase + 1);
            reader.scanValues(seriesId, firstBase, last, [&](double v) { values << v; });
        }
        State st = stateBefore(firstBase);
        qint64 next = firstBase; // the next point to fold in
        for (const qint64 t : seqs) {
            if (t >= e->covered || t - firstBase >= values.size()) {
                out << NAN;
                continue;
            }
            for (; next <= t; ++next)
                st.smoothed = smoothStep(weight, values.at(next - firstBase), &st.accumulated, &st.finite);
            out << st.smoothed;
        }
        return out;
    }
    // A wide view: targets at a checkpoint are answered from it, others from the checkpoint before them.
    for (const qint64 t : seqs) {
        if (t >= e->covered) {
            out << NAN;
        } else if (t % CheckpointStride == CheckpointStride - 1) {
            out << e->checkpoint.at(t / CheckpointStride).smoothed;
        } else {
            const qint64 base = t / CheckpointStride * CheckpointStride;
            State st = stateBefore(base);
            reader.scanValues(seriesId, base, t, [&](double v) {
                st.smoothed = smoothStep(weight, v, &st.accumulated, &st.finite);
            });
            out << st.smoothed;
        }
    }
    return out;
}

bool SmoothingCache::stateAfter(qint64 seriesId, double weight, qint64 seq, double *accumulated,
                                qint64 *finite) {
    const std::shared_ptr<Entry> e = entry(seriesId);
    std::lock_guard lock(e->mutex);
    if (e->weight != weight || e->covered != seq + 1)
        return false;
    *accumulated = e->tail.accumulated;
    *finite = e->tail.finite;
    return true;
}

double ChartLine::valueAt(double x) const {
    const auto it = std::lower_bound(buckets.cbegin(), buckets.cend(), x,
                                     [](const ChartBucket &b, double v) { return b.lastX < v; });
    const ChartBucket *b = nullptr;
    if (it != buckets.cend() && it->firstX <= x)
        b = &*it;
    else if (it != buckets.cbegin())
        b = &*(it - 1);
    if (!b)
        return NAN;
    return std::isnan(b->smoothed) ? b->values.lastValue : b->smoothed;
}

namespace {

// What one bucket adds to a single-rank line's curves (see ChartLine::rawX).
int rawPointsOf(const Aggregate &a) {
    return a.count <= 3 ? int(a.count) : 2;
}

void drawBucket(ChartLine &line, const ChartBucket &b) {
    const Aggregate &a = b.values;
    if (a.count == 1) {
        line.rawX << b.firstX;
        line.rawY << a.firstValue;
    } else if (a.count == 2) {
        line.rawX << b.firstX << b.lastX;
        line.rawY << a.firstValue << a.lastValue;
    } else if (a.count == 3) {
        // The middle point is whichever extreme is neither the first nor the last.
        const double middle = a.minValue < std::min(a.firstValue, a.lastValue) ? a.minValue : a.maxValue;
        line.rawX << b.firstX << (b.firstX + b.lastX) / 2 << b.lastX;
        line.rawY << a.firstValue << middle << a.lastValue;
    } else {
        // Many points: the bucket's extremes at its middle, in the order the bucket runs (as a pixel
        // column of min..max). Its first and last points lie between them, so the envelope is exact.
        const double mid = (b.firstX + b.lastX) / 2;
        const bool rising = a.lastValue >= a.firstValue;
        line.rawX << mid << mid;
        line.rawY << (rising ? a.minValue : a.maxValue) << (rising ? a.maxValue : a.minValue);
    }
    if (!std::isnan(b.smoothed)) {
        line.smoothX << b.lastX;
        line.smoothY << b.smoothed;
    }
}

void drawSingle(ChartLine &line) {
    for (const ChartBucket &b : line.buckets)
        drawBucket(line, b);
}

// The ranks of one run as one line: at each bucket of the rank with the most buckets, the mean of every
// rank's value there (last point, or smoothed) and the band from the lowest to the highest point of any rank.
ChartLine aggregate(const QList<ChartLine> &ranks) {
    ChartLine out;
    out.runId = ranks.first().runId;
    out.rank = -1;
    out.ranks = int(ranks.size());
    const ChartLine *ref = &ranks.first();
    for (const ChartLine &l : ranks)
        if (l.buckets.size() > ref->buckets.size())
            ref = &l;
    for (const ChartBucket &rb : ref->buckets) {
        const double x = rb.lastX;
        ChartBucket agg;
        agg.firstX = rb.firstX;
        agg.lastX = rb.lastX;
        agg.values.firstStep = rb.values.firstStep;
        agg.values.lastStep = rb.values.lastStep;
        agg.values.minValue = INFINITY;
        agg.values.maxValue = -INFINITY;
        double sum = 0, smoothSum = 0;
        int n = 0, smoothN = 0;
        for (const ChartLine &l : ranks) {
            if (l.buckets.isEmpty() || x < l.buckets.first().firstX || x > l.buckets.last().lastX)
                continue;
            auto it = std::lower_bound(l.buckets.cbegin(), l.buckets.cend(), x,
                                       [](const ChartBucket &b, double v) { return b.lastX < v; });
            if (it == l.buckets.cend())
                --it;
            if (it != l.buckets.cbegin() && std::abs((it - 1)->lastX - x) < std::abs(it->lastX - x))
                --it;
            const Aggregate &a = it->values;
            agg.values.count += a.count;
            agg.values.minValue = std::min(agg.values.minValue, a.minValue);
            agg.values.maxValue = std::max(agg.values.maxValue, a.maxValue);
            if (std::isfinite(a.lastValue)) {
                sum += a.lastValue;
                ++n;
            }
            if (std::isfinite(it->smoothed)) {
                smoothSum += it->smoothed;
                ++smoothN;
            }
        }
        agg.values.firstValue = agg.values.lastValue = n ? sum / n : NAN;
        agg.smoothed = smoothN ? smoothSum / smoothN : NAN;
        out.buckets << agg;
        out.rawX << x;
        out.rawY << agg.values.lastValue;
        out.bandX << x;
        out.bandLow << agg.values.minValue;
        out.bandHigh << agg.values.maxValue;
        if (!std::isnan(agg.smoothed)) {
            out.smoothX << x;
            out.smoothY << agg.smoothed;
        }
    }
    return out;
}

} // namespace

bool extendLine(ChartLine &line, qint64 seq, qint64 step, double x, double value, double smoothing) {
    if (line.rank < 0)
        return false; // an aggregated line is computed across ranks: read again
    if (seq < line.nextSeq)
        return true;
    if (seq > line.nextSeq || (smoothing > 0 && !line.smoothingKnown))
        return false;
    double smoothed = NAN;
    if (smoothing > 0)
        smoothed = smoothStep(smoothing, value, &line.emaAccumulated, &line.emaFinite);
    if (!line.buckets.isEmpty() && line.buckets.last().values.count < line.pointsPerBucket) {
        // Take the last bucket's curves off, merge the point, draw the bucket again.
        ChartBucket &b = line.buckets.last();
        const qsizetype raw = rawPointsOf(b.values);
        line.rawX.resize(line.rawX.size() - raw);
        line.rawY.resize(line.rawY.size() - raw);
        if (!std::isnan(b.smoothed)) {
            line.smoothX.removeLast();
            line.smoothY.removeLast();
        }
        b.values.add(step, value);
        b.lastX = x;
        if (smoothing > 0)
            b.smoothed = smoothed;
        drawBucket(line, b);
    } else {
        ChartBucket b;
        b.values.add(step, value);
        b.firstX = b.lastX = x;
        b.smoothed = smoothed;
        line.buckets << b;
        drawBucket(line, b);
    }
    ++line.nextSeq;
    return true;
}

ChartData queryChart(StoreReader &reader, SmoothingCache *smoothing, const ChartQuery &q) {
    QList<ChartLine> lines;
    const bool wall = q.axis == ChartAxis::WallTime;
    for (const ChartSeries &s : q.series) {
        ChartLine line;
        line.runId = s.runId;
        line.rank = s.rank;
        const qint64 count = reader.pointCount(s.seriesId);
        qint64 lo = 0, hi = count - 1;
        if (!q.whole && count > 0) {
            const auto column = wall ? StoreReader::Column::WallMs : StoreReader::Column::Step;
            const auto toValue = [&](double x, bool upper) -> qint64 {
                const double v = wall ? double(s.originMs) + x * 1000 : x;
                return qint64(upper ? std::floor(v) + 1 : std::ceil(v));
            };
            lo = reader.seqAtOrAfter(s.seriesId, toValue(q.from, false), count, column);
            hi = reader.seqAtOrAfter(s.seriesId, toValue(q.to, true), count, column) - 1;
            // One point beyond each edge, so that lines run to the chart's border.
            lo = std::max<qint64>(0, lo - 1);
            hi = std::min(count - 1, hi + 1);
        }
        const QList<StoreReader::Bucket> buckets = reader.bucketsOfSeqs(s.seriesId, lo, hi, q.buckets);
        QVector<double> smoothed;
        if (q.smoothing > 0 && smoothing && !buckets.isEmpty()) {
            QVector<qint64> seqs;
            seqs.reserve(buckets.size());
            for (const StoreReader::Bucket &b : buckets)
                seqs << b.lastSeq;
            smoothed = smoothing->at(reader, s.seriesId, q.smoothing, seqs);
            line.smoothingKnown = smoothing->stateAfter(s.seriesId, q.smoothing, buckets.last().lastSeq,
                                                        &line.emaAccumulated, &line.emaFinite);
        } else if (q.smoothing > 0 && count == 0) {
            line.smoothingKnown = true; // an empty series starts from nothing
        }
        line.nextSeq = count > 0 ? hi + 1 : 0;
        line.pointsPerBucket = buckets.isEmpty() ? 1 : std::max<qint64>(1, buckets.first().values.count);
        QVector<qint64> walls; // the first and last point's wall time of every bucket
        if (wall) {
            QVector<qint64> seqs;
            seqs.reserve(2 * buckets.size());
            for (const StoreReader::Bucket &b : buckets)
                seqs << b.firstSeq << b.lastSeq;
            walls = reader.wallMsAt(s.seriesId, seqs);
        }
        line.buckets.reserve(buckets.size());
        for (qsizetype i = 0; i < buckets.size(); ++i) {
            const StoreReader::Bucket &b = buckets.at(i);
            ChartBucket cb;
            cb.values = b.values;
            if (wall) {
                cb.firstX = double(walls.at(2 * i) - s.originMs) / 1000;
                cb.lastX = double(walls.at(2 * i + 1) - s.originMs) / 1000;
            } else {
                cb.firstX = double(b.values.firstStep);
                cb.lastX = double(b.values.lastStep);
            }
            cb.smoothed = i < smoothed.size() ? smoothed.at(i) : NAN;
            line.buckets << cb;
        }
        lines << line;
    }
    ChartData data;
    if (q.aggregateRanks) {
        QList<qint64> runs;
        QHash<qint64, QList<ChartLine>> byRun;
        for (const ChartLine &l : lines) {
            if (!byRun.contains(l.runId))
                runs << l.runId;
            byRun[l.runId] << l;
        }
        for (const qint64 run : runs) {
            const QList<ChartLine> &ranks = byRun[run];
            if (ranks.size() == 1) {
                data.lines << ranks.first();
                drawSingle(data.lines.last());
            } else {
                data.lines << aggregate(ranks);
            }
        }
    } else {
        for (ChartLine &l : lines) {
            drawSingle(l);
            data.lines << l;
        }
    }
    data.xMin = INFINITY;
    data.xMax = -INFINITY;
    for (const ChartLine &l : data.lines)
        if (!l.buckets.isEmpty()) {
            data.xMin = std::min(data.xMin, l.buckets.first().firstX);
            data.xMax = std::max(data.xMax, l.buckets.last().lastX);
        }
    return data;
}

} // namespace trainyard

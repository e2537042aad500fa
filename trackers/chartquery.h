// What a metric chart draws, computed off the GUI thread from the run database: the downsampled envelope of
// each series (first, min, max and last of every bucket), the smoothed curve computed on the full-resolution
// points (a debiased exponential moving average, as TensorBoard draws it), the x axis by step or by wall
// time, and the ranks of a run aggregated into their mean with the min..max band across ranks.
#pragma once

#include "store.h"

#include <QHash>
#include <QList>
#include <QVector>
#include <memory>
#include <mutex>

namespace trainyard {

// The debiased EMA of every series asked for, kept between queries: a checkpoint of the running state every
// CheckpointStride points, so that the value at any point costs at most CheckpointStride raw points read.
// New points of a live run extend it; a changed weight starts it again. Thread-safe.
class SmoothingCache {
public:
    static constexpr qint64 CheckpointStride = 16;
    // The smoothed value at each of `seqs` (ascending, all < the series' point count).
    QVector<double> at(StoreReader &reader, qint64 seriesId, double weight, const QVector<qint64> &seqs);
    // The running state after point seq, when the cache has folded in exactly the points up to it with this
    // weight (so that pushed points can continue the curve): false otherwise.
    bool stateAfter(qint64 seriesId, double weight, qint64 seq, double *accumulated, qint64 *finite);

private:
    struct State {
        double accumulated = 0; // the biased EMA
        qint64 finite = 0;      // finite points folded in
        double smoothed = 0;    // the debiased value at the point
    };
    struct Entry {
        std::mutex mutex;
        double weight = -1;
        qint64 covered = 0;        // points folded into `tail`
        State tail;                // the state after point covered - 1
        QVector<State> checkpoint; // checkpoint[k]: the state after point k * stride + stride - 1
    };
    std::shared_ptr<Entry> entry(qint64 seriesId);
    std::mutex m_mutex;
    QHash<qint64, std::shared_ptr<Entry>> m_entries;
};

// One step of the debiased EMA (what SmoothingCache keeps): exposed for tests.
double smoothStep(double weight, double value, double *accumulated, qint64 *finite);

enum class ChartAxis { Step, WallTime };

struct ChartSeries {
    qint64 seriesId = 0;
    qint64 runId = 0;
    int rank = 0;
    qint64 originMs = 0; // the run's start: wall time is drawn as seconds since it
};

struct ChartQuery {
    QList<ChartSeries> series;
    ChartAxis axis = ChartAxis::Step;
    bool whole = true; // every point; otherwise [from, to] in the axis' units (steps or seconds)
    double from = 0, to = 0;
    int buckets = 1000;   // about one per pixel
    double smoothing = 0; // the EMA weight in [0, 1); 0 draws no smoothed curve
    bool aggregateRanks = false;
};

struct ChartBucket {
    Aggregate values;
    double firstX = 0, lastX = 0;
    double smoothed = 0; // at the bucket's last point (NaN when smoothing is off)
};

struct ChartLine {
    qint64 runId = 0;
    int rank = -1; // -1: the mean of `ranks` ranks
    int ranks = 1;
    QList<ChartBucket> buckets; // of one rank; for an aggregated line: the mean (first = min, last = max)
    // What to draw. raw: a bucket of up to 3 points as they are, a larger one as its two extremes at its
    // middle (the envelope of exactly the points it holds); smooth: empty without smoothing; band: aggregated
    // only.
    QVector<double> rawX, rawY, smoothX, smoothY, bandX, bandLow, bandHigh;
    // Where the line ends in its series, so that points pushed later continue it (extendLine): the seq after
    // the last point read, the points per bucket of the query, and the smoothing state after the last point.
    qint64 nextSeq = 0;
    qint64 pointsPerBucket = 1;
    bool smoothingKnown = false;
    double emaAccumulated = 0;
    qint64 emaFinite = 0;
    // The value shown at x (the smoothed one when there is one): the bucket holding x, else the nearest
    // before it; NaN left of the first.
    double valueAt(double x) const;
};

struct ChartData {
    QList<ChartLine> lines;
    double xMin = 0, xMax = 0; // of all lines; xMin > xMax when there are no points
};

// Continues a single-rank line with a point pushed after it (x in the chart's axis units): merged into the
// last bucket while it holds fewer than pointsPerBucket points, else a new bucket; smoothed from the line's
// state when smoothing > 0. Returns false, changing nothing, when the point does not follow the line (a gap
// in seq, or smoothing without a known state): read the database again then. A point the line already holds
// is skipped.
bool extendLine(ChartLine &line, qint64 seq, qint64 step, double x, double value, double smoothing);

// Runs the query on `reader` (call off the GUI thread). `smoothing` may be null when query.smoothing is 0.
ChartData queryChart(StoreReader &reader, SmoothingCache *smoothing, const ChartQuery &query);

} // namespace trainyard

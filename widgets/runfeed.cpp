#include "runfeed.h"

#include "background.h"

#include <QTimer>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace trainyard {

// The feed's one reader connection, opened by the first job and kept (a job that finds no database yet tries
// again next time). Only the job in flight touches it.
struct RunFeed::Reader {
    QString path;
    StoreReader store;
    bool opened = false;
    StoreReader *get(QString *error) {
        if (!opened)
            opened = store.open(path, error);
        return opened ? &store : nullptr;
    }
};

RunFeed::RunFeed(const QString &databasePath, const QList<qint64> &runIds, QObject *parent)
    : QObject(parent)
    , m_db(databasePath)
    , m_runIds(runIds)
    , m_smoothingCache(std::make_shared<SmoothingCache>())
    , m_reader(std::make_shared<Reader>())
    , m_unseenDue(new QTimer(this))
    , m_live(new QTimer(this)) {
    qRegisterMetaType<trainyard::LoadedRuns>();
    m_clock.start();
    m_unseenDue->setSingleShot(true);
    connect(m_unseenDue, &QTimer::timeout, this, &RunFeed::pump);
    m_reader->path = databasePath;
    // Several runs are compared by their means; one run shows each rank.
    m_aggregate = runIds.size() > 1;
    m_live->setInterval(1000);
    // The one-second read of a live run; while the launcher feeds it, only every FedMs.
    connect(m_live, &QTimer::timeout, this, [this] {
        if (!fed() || !m_lastLoad.isValid() || m_lastLoad.elapsed() >= FedMs)
            loadSeries();
    });
}

RunFeed::~RunFeed() = default;

bool RunFeed::live() const {
    return m_live->isActive();
}

QStringList RunFeed::keys() const {
    QStringList k = m_charts.keys();
    k.sort();
    return k;
}

ChartWindow RunFeed::window(const QString &key) const {
    return m_windows ? m_windows(key) : ChartWindow{};
}

void RunFeed::refresh() {
    if (m_live->isActive() && !fed())
        loadSeries();
}

void RunFeed::runChanged(const PushedRun &run) {
    if (!m_runIds.contains(run.runId))
        return;
    m_lastFed.start();
    loadSeries();
}

void RunFeed::loadSeries() {
    m_loadQueued = true;
    pump();
}

bool RunFeed::queued(const QString &key) const {
    return std::any_of(m_queuedCharts.cbegin(), m_queuedCharts.cend(),
                       [&key](const QueuedChart &q) { return q.key == key; });
}

void RunFeed::request(const QString &key) {
    if (!queued(key))
        m_queuedCharts << QueuedChart{key, m_clock.elapsed()};
    pump();
}

void RunFeed::shown(const QString &key) {
    if (queued(key))
        pump();
}

void RunFeed::requestAll() {
    const QStringList all = keys();
    for (const QString &key : all)
        request(key);
}

void RunFeed::pump() {
    if (m_jobInFlight)
        return;
    if (std::exchange(m_loadQueued, false)) {
        runLoad();
        return;
    }
    // The charts that can be seen first, in the order asked: while a watched run streams, every change asks
    // for every chart, and reading the ones nobody sees (44 of a 52-metric page) made the seen ones wait a
    // round of them all. One that cannot be seen is read once it shows, or once it has waited UnseenMs.
    const qint64 now = m_clock.elapsed();
    qint64 firstUnseenDue = -1; // the queue is in the order asked: the first unseen one is due first
    for (qsizetype i = 0; i < m_queuedCharts.size();) {
        const QueuedChart q = m_queuedCharts.at(i);
        const qint64 due = q.askedMs + UnseenMs;
        if (m_charts.contains(q.key) && now < due && m_seen && !m_seen(q.key)) {
            if (firstUnseenDue < 0)
                firstUnseenDue = due;
            ++i;
            continue;
        }
        m_queuedCharts.removeAt(i);
        if (m_charts.contains(q.key)) {
            m_unseenDue->stop();
            runQuery(q.key);
            return;
        }
    }
    if (firstUnseenDue >= 0 && !m_unseenDue->isActive())
        m_unseenDue->start(int(firstUnseenDue - now));
}

void RunFeed::runLoad() {
    m_jobInFlight = true;
    ++m_loads;
    m_lastLoad.start();
    runInBackground(
        this,
        [reader = m_reader, runIds = m_runIds] {
            LoadedRuns loaded;
            if (StoreReader *store = reader->get(&loaded.error)) {
                for (const qint64 id : runIds) {
                    if (const auto r = store->run(id)) {
                        loaded.runs.insert(id, *r);
                        loaded.series << store->series(id);
                        if (isActive(r->status))
                            loaded.silent.insert(id, silentRanks(store->logs(id, u"watchdog"_s)));
                        if (runIds.size() == 1)
                            loaded.params = store->params(id);
                    }
                }
            }
            return loaded;
        },
        [this](const LoadedRuns &loaded) {
            m_jobInFlight = false;
            onLoaded(loaded);
            pump();
        });
}

void RunFeed::onLoaded(LoadedRuns read) {
    if (!read.error.isEmpty()) {
        Q_EMIT readFailed(read.error);
        return;
    }
    read.ended = true;
    for (qsizetype i = 0; i < m_runIds.size(); ++i) {
        const RunRow r = read.runs.value(m_runIds.at(i));
        if (!isEnded(r.status))
            read.ended = false; // created, running, stopping (and queued: not started yet)
        RunInfo &info = m_runs[r.id];
        info.name = r.name.isEmpty() ? r.uid : r.name;
        info.originMs = r.startedMs ? r.startedMs : r.createdMs;
        info.index = int(i);
    }
    QHash<QString, QList<SeriesRow>> byKey;
    for (const SeriesRow &s : std::as_const(read.series))
        byKey[s.key] << s;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        m_charts[it.key()].series = it.value();
    }
    Q_EMIT loaded(read); // the view makes its charts before they are asked for
    QStringList sorted = byKey.keys();
    sorted.sort();
    for (const QString &key : std::as_const(sorted))
        if (window(key).followLatest || !m_live->isActive())
            request(key);
    if (read.ended && m_live->isActive()) {
        m_live->stop();
        Q_EMIT runsEnded();
    } else if (!read.ended && !m_live->isActive()) {
        m_live->start();
    }
}

void RunFeed::runQuery(const QString &key) {
    const Chart &c = m_charts[key];
    const ChartWindow w = window(key);
    ChartQuery q;
    for (const SeriesRow &s : c.series)
        q.series << ChartSeries{s.id, s.runId, s.rank, m_runs.value(s.runId).originMs};
    q.axis = axisOf(key);
    q.whole = w.followLatest;
    q.from = w.from;
    q.to = w.to;
    q.buckets = std::max(100, w.buckets); // about one bucket per pixel
    q.smoothing = m_smoothing;
    q.aggregateRanks = m_aggregate;
    struct Answer {
        ChartData data;
        QString error;
    };
    m_jobInFlight = true;
    runInBackground(
        this,
        [reader = m_reader, cache = m_smoothingCache, q] {
            Answer a;
            if (StoreReader *store = reader->get(&a.error))
                a.data = queryChart(*store, cache.get(), q);
            return a;
        },
        [this, key](const Answer &a) {
            m_jobInFlight = false;
            if (m_charts.contains(key)) {
                Chart &ch = m_charts[key];
                if (!a.error.isEmpty())
                    Q_EMIT readFailed(a.error);
                ch.data = a.data;
                applyPushed(ch, window(key).followLatest, axisOf(key));
                Q_EMIT chartChanged(key);
            }
            pump();
        });
}

double RunFeed::pushedX(qint64 runId, const PushedPoint &p, ChartAxis axis) const {
    if (axis == ChartAxis::Step)
        return double(p.step);
    return double(p.wallMs - m_runs.value(runId).originMs) / 1000;
}

ChartLine *RunFeed::lineOf(Chart &c, qint64 runId, int rank) {
    for (ChartLine &l : c.data.lines)
        if (l.runId == runId && l.rank == rank)
            return &l;
    return nullptr;
}

bool RunFeed::continueLine(Chart &c, ChartLine &line, qint64 runId, std::span<const PushedPoint> points,
                           ChartAxis axis) {
    for (const PushedPoint *p = points.data(); p != points.data() + points.size(); ++p) {
        if (p->seq < line.nextSeq)
            continue; // already read
        const double x = pushedX(runId, *p, axis);
        if (!extendLine(line, p->seq, p->step, x, p->value, m_smoothing))
            return false;
        c.data.xMin = std::min(c.data.xMin, x);
        c.data.xMax = std::max(c.data.xMax, x);
        ++m_pushedApplied;
    }
    return true;
}

void RunFeed::applyPushed(Chart &c, bool followLatest, ChartAxis axis) {
    for (auto it = c.pushed.begin(); it != c.pushed.end();) {
        QVector<PushedPoint> &points = it.value();
        ChartLine *line = lineOf(c, it.key().first, it.key().second);
        if (!line) {
            points.clear(); // a series the chart does not show yet: the next read brings it
        } else {
            // What the line already holds is dropped; the rest continues it while it can.
            const qint64 covered = line->nextSeq;
            points.erase(std::remove_if(points.begin(), points.end(),
                                        [covered](const PushedPoint &p) { return p.seq < covered; }),
                         points.end());
            // What was read is the truth: pushed points that do not continue it wait for the next read (the
            // live tick or the database watcher), never for a read asked here, so that nothing can loop.
            if (followLatest && !m_aggregate &&
                !continueLine(c, *line, it.key().first, std::span(points.constData(), size_t(points.size())),
                              axis))
                points.clear();
        }
        it = points.isEmpty() ? c.pushed.erase(it) : std::next(it);
    }
}

void RunFeed::push(const PushedSeries &series) {
    if (!m_runIds.contains(series.runId) || series.points.isEmpty())
        return;
    m_lastFed.start();
    auto chart = m_charts.find(series.key);
    if (chart == m_charts.end()) {
        loadSeries(); // a new metric
        return;
    }
    Chart &c = *chart;
    // Kept until a read covers them (applyPushed); bounded, since the next read has them anyway.
    QVector<PushedPoint> &tail = c.pushed[{series.runId, series.rank}];
    if (tail.size() > 1'000'000)
        tail.clear();
    tail += series.points;
    if (!window(series.key).followLatest || m_aggregate)
        return; // drawn by the next read
    ChartLine *line = lineOf(c, series.runId, series.rank);
    if (!line) {
        loadSeries(); // a rank the chart does not show yet
        return;
    }
    if (!continueLine(c, *line, series.runId,
                      std::span(series.points.constData(), size_t(series.points.size())), axisOf(series.key)))
        request(series.key); // a gap: read again
    Q_EMIT chartChanged(series.key);
}

} // namespace trainyard

// Shared helpers of trainyard-bench.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <algorithm>
#include <ctime>

namespace trainyard::bench {

// The value after `name` in a benchmark's arguments, else `def`.
inline QString option(const QStringList &args, const QString &name, const QString &def) {
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : def;
}

// The wall clock every process shares, in ns (what `date +%s%N` in a rank prints).
inline qint64 realtimeNs() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

inline double median(QList<double> xs) {
    if (xs.isEmpty())
        return 0;
    std::sort(xs.begin(), xs.end());
    const qsizetype n = xs.size();
    return n % 2 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

inline void printTable(QTextStream &out, const QStringList &header, const QList<QStringList> &rows) {
    QList<qsizetype> width;
    for (const QString &h : header)
        width << h.size();
    for (const QStringList &r : rows)
        for (qsizetype i = 0; i < r.size() && i < width.size(); ++i)
            width[i] = std::max(width[i], r[i].size());
    auto line = [&](const QStringList &cells) {
        QString s;
        for (qsizetype i = 0; i < cells.size(); ++i)
            s += (i ? QStringLiteral("  ") : QString()) + cells[i].leftJustified(width[i]);
        out << s.trimmed() << '\n';
    };
    line(header);
    QStringList rule;
    for (qsizetype w : width)
        rule << QString(w, QLatin1Char('-'));
    line(rule);
    for (const QStringList &r : rows)
        line(r);
    out.flush(); // each table as soon as it is ready: a later step that fails or hangs never hides it
}

int launchBench(const QStringList &args, QTextStream &out);
int queueBench(const QStringList &args, QTextStream &out);
int ingestBench(const QStringList &args, QTextStream &out);
int queryBench(const QStringList &args, QTextStream &out);
int runtimeBench(const QStringList &args, QTextStream &out);
int importBench(const QStringList &args, QTextStream &out); // the runs list part in GUI builds only
int plotBench(const QStringList &args, QTextStream &out);   // GUI builds only
int liveBench(const QStringList &args, QTextStream &out);   // GUI builds only
int liveRank(const QStringList &args, QTextStream &out);    // a rank of liveBench

} // namespace trainyard::bench

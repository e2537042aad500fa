// A run's output, rank by rank: the per-rank log files of a run folder (rank-N.out / rank-N.err), read on a
// worker, or lines appended live. Search, a rank filter, and the first error line highlighted with a button
// to jump to it. Bounded for long runs: at most MaxLines lines are kept (the oldest go; the files keep
// everything), a folder is read from the end of each file, and a filter over many lines runs on a worker
// while new lines are filtered as they arrive.
#pragma once

#include <QAbstractListModel>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QTimer;
class QLineEdit;
class QListView;

namespace trainyard {

class LogModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { RankRole = Qt::UserRole + 1, StderrRole, FirstErrorRole };
    struct Line {
        int rank = 0;
        bool stderrLine = false;
        QString text;
    };
    using QAbstractListModel::QAbstractListModel;

    static constexpr qsizetype MaxLines = 1'000'000;

    void setLines(const QList<Line> &lines); // keeps the last MaxLines
    void append(const QList<Line> &lines);   // drops the oldest lines past MaxLines
    const QList<Line> &lines() const { return m_lines; }
    // Lines dropped from the front since setLines(): row r is line number dropped() + r.
    qint64 dropped() const { return m_dropped; }
    int firstError() const { return m_firstError; } // row, -1 when none
    QList<int> ranks() const { return m_ranks; }

    // Lines that look like the start of a failure: a Python traceback, an error or exception, CUDA OOM, NCCL
    // errors.
    static bool looksLikeError(const QString &text);
    // Reads rank-N.out and rank-N.err of a run folder (any thread): each rank's stdout then its stderr, at
    // most the last 50,000 lines and 16 MiB of each file.
    static QList<Line> readRunFolder(const QString &folder, QString *error);

    // Follows a live run folder: each call returns the complete lines written since the last (any thread, one
    // call at a time).
    class Tail {
    public:
        explicit Tail(const QString &folder)
            : m_folder(folder) {}
        QList<Line> readNew();

    private:
        QString m_folder;
        QHash<QString, qint64> m_offset;
        QHash<QString, QByteArray> m_partial; // a line not finished yet
    };

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void findFirstError(int from);
    void addRanks(const QList<Line> &lines, qsizetype from);
    QList<Line> m_lines;
    QList<int> m_ranks; // sorted
    qint64 m_dropped = 0;
    int m_firstError = -1;
};

// The lines of a LogModel that match a search text (case-insensitive) and a rank. A filter over more than
// SyncLines lines is computed on a worker from a snapshot (the view keeps the previous result meanwhile);
// lines appended later are tested as they arrive, so a live tail never refilters everything.
class LogFilterModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr qsizetype SyncLines = 50'000;
    explicit LogFilterModel(LogModel *source, QObject *parent = nullptr);

    void setFilter(const QString &text, int rank); // rank -1: every rank
    bool isFiltering() const { return !m_all; }
    bool isPending() const { return m_pending; }
    int sourceRow(int row) const;
    int rowOf(int sourceRow) const; // -1 when the line is filtered out

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void filtered(); // a filter's result is in place

private:
    static bool matches(const LogModel::Line &line, const QString &text, int rank);
    void onInserted(int first, int last);
    void onRemoved(int first, int last);
    void dropRemoved();
    void refilter();
    LogModel *m_source;
    QString m_text;
    int m_rank = -1;
    bool m_all = true;        // no filter: rows are the source's
    QList<qint64> m_numbers;  // line numbers (LogModel::dropped() + row) that match, ascending
    bool m_pending = false;   // a worker is filtering a snapshot
    quint64 m_generation = 0; // drops results of superseded filters
};

class LogsView : public QWidget {
    Q_OBJECT
public:
    explicit LogsView(QWidget *parent = nullptr);

    void loadRunFolder(const QString &folder); // off the GUI thread; `loaded` follows
    // A live run: what its ranks write is appended every half second (read off the GUI thread) until
    // stopFollowing(), which reads what is left once more.
    void followRunFolder(const QString &folder);
    void stopFollowing();
    bool isFollowing() const;
    LogModel *model() const { return m_model; }
    int visibleLines() const;
    // Whether the list shows its last line (followed output scrolls along then).
    bool showsTheEnd() const;
    void setSearch(const QString &text);
    void setRankFilter(int rank); // -1: every rank
    // Scrolls to and selects the first error; false when there is none.
    bool jumpToFirstError();

Q_SIGNALS:
    void loaded();

private:
    void applyFilter();
    void readTail();
    void updateRanksAndStatus(const QString &error);
    LogModel *m_model;
    LogFilterModel *m_filter;
    QListView *m_list;
    QLineEdit *m_search;
    QComboBox *m_rank;
    QLabel *m_status;
    QTimer *m_follow;
    std::shared_ptr<LogModel::Tail> m_tail;
    bool m_tailBusy = false;
    bool m_readAgain = false;
};

} // namespace trainyard

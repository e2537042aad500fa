// A run's output, rank by rank: the per-rank log files of a run folder (rank-N.out / rank-N.err), read on a
// worker, or lines appended live. Search, a rank filter, and the first error line highlighted with a button
// to jump to it.
#pragma once

#include <QAbstractListModel>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QTimer;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;

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

    void setLines(const QList<Line> &lines);
    void append(const QList<Line> &lines);
    int firstError() const { return m_firstError; } // row, -1 when none
    QList<int> ranks() const;

    // Lines that look like the start of a failure: a Python traceback, an error or exception, CUDA OOM, NCCL
    // errors.
    static bool looksLikeError(const QString &text);
    // Reads rank-N.out and rank-N.err of a run folder (any thread): each rank's stdout then its stderr.
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
    QList<Line> m_lines;
    int m_firstError = -1;
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
    QSortFilterProxyModel *m_proxy;
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

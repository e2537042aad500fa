#include "logsview.h"

#include "background.h"

#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace trainyard {

bool LogModel::looksLikeError(const QString &text) {
    static const QRegularExpression re(
        u"(Traceback \\(most recent call last\\)|\\b\\w*(Error|Exception)\\b:|\\berror:|CUDA out of memory|"
        "NCCL error|Segmentation fault|\\bFATAL\\b|core dumped)"_s);
    return re.match(text).hasMatch();
}

namespace {

struct RankFile {
    int rank = 0;
    bool err = false;
    QString name;
};

// A run folder's rank-N.out and rank-N.err, each rank's stdout before its stderr.
QList<RankFile> rankFiles(const QDir &dir) {
    static const QRegularExpression pattern(u"^rank-(\\d+)\\.(out|err)$"_s);
    QList<RankFile> files;
    for (const QString &f : dir.entryList(QDir::Files)) {
        const QRegularExpressionMatch m = pattern.match(f);
        if (m.hasMatch())
            files.append({m.captured(1).toInt(), m.captured(2) == u"err"_s, f});
    }
    std::sort(files.begin(), files.end(), [](const RankFile &a, const RankFile &b) {
        return std::pair(a.rank, a.err) < std::pair(b.rank, b.err);
    });
    return files;
}

} // namespace

namespace {
// Whether the application's palette is a dark one (its window darker than mid grey).
bool darkPalette() {
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}
} // namespace

QList<LogModel::Line> LogModel::readRunFolder(const QString &folder, QString *error) {
    QList<Line> lines;
    const QDir dir(folder);
    if (!dir.exists()) {
        if (error)
            *error = tr("%1: no such run folder").arg(folder);
        return lines;
    }
    for (const RankFile &f : rankFiles(dir)) {
        QFile file(dir.filePath(f.name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        // The last 50,000 lines (and 16 MiB) of each stream are plenty for a view; the files keep everything.
        // A file cut at the front starts at its first whole line.
        constexpr qint64 MaxBytes = 16 << 20;
        const qint64 size = file.size();
        if (size > MaxBytes)
            file.seek(size - MaxBytes);
        QByteArray data = file.read(MaxBytes);
        if (size > MaxBytes)
            data.remove(0, data.indexOf('\n') + 1);
        const QList<QByteArray> raw = data.split('\n');
        const qsizetype from = std::max<qsizetype>(0, raw.size() - 50000);
        for (qsizetype i = from; i < raw.size(); ++i)
            if (!(i == raw.size() - 1 && raw[i].isEmpty()))
                lines << Line{f.rank, f.err, QString::fromUtf8(raw[i])};
    }
    return lines;
}

QList<LogModel::Line> LogModel::Tail::readNew() {
    QList<Line> lines;
    const QDir dir(m_folder);
    for (const RankFile &rf : rankFiles(dir)) {
        const QString &f = rf.name;
        QFile file(dir.filePath(f));
        qint64 &offset = m_offset[f];
        if (!file.open(QIODevice::ReadOnly) || file.size() <= offset)
            continue;
        // At most 16 MiB a call: a rank that floods its output does not stall the reader.
        file.seek(offset);
        QByteArray data = m_partial.take(f) + file.read(16 << 20);
        offset = file.pos();
        const qsizetype end = data.lastIndexOf('\n');
        if (end < 0) {
            m_partial.insert(f, data);
            continue;
        }
        m_partial.insert(f, data.mid(end + 1));
        data.truncate(end);
        for (const QByteArray &line : data.split('\n'))
            lines << Line{rf.rank, rf.err, QString::fromUtf8(line)};
    }
    return lines;
}

void LogModel::setLines(const QList<Line> &lines) {
    beginResetModel();
    m_lines = lines.size() > MaxLines ? lines.mid(lines.size() - MaxLines) : lines;
    m_dropped = 0;
    m_ranks.clear();
    addRanks(m_lines, 0);
    m_firstError = -1;
    findFirstError(0);
    endResetModel();
}

void LogModel::append(const QList<Line> &lines) {
    if (lines.isEmpty())
        return;
    const QList<Line> added = lines.size() > MaxLines ? lines.mid(lines.size() - MaxLines) : lines;
    // The oldest lines go first, so the model never holds more than MaxLines.
    const qsizetype excess = m_lines.size() + added.size() - MaxLines;
    if (excess > 0) {
        beginRemoveRows({}, 0, int(excess) - 1);
        m_lines.remove(0, excess);
        m_dropped += excess;
        endRemoveRows();
        if (m_firstError >= 0) {
            m_firstError -= int(excess);
            if (m_firstError < 0)
                findFirstError(0); // the error scrolled out: the next one, if any
        }
    }
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_lines += added;
    endInsertRows();
    addRanks(m_lines, first);
    if (m_firstError < 0) {
        findFirstError(first);
        if (m_firstError >= 0)
            Q_EMIT dataChanged(index(m_firstError), index(m_firstError));
    }
}

void LogModel::addRanks(const QList<Line> &lines, qsizetype from) {
    for (qsizetype i = from; i < lines.size(); ++i) {
        const int r = lines[i].rank;
        const auto it = std::lower_bound(m_ranks.begin(), m_ranks.end(), r);
        if (it == m_ranks.end() || *it != r)
            m_ranks.insert(it, r);
    }
}

void LogModel::findFirstError(int from) {
    // A failure's first line on stderr is what users look for; stdout is searched when stderr has none.
    for (bool onlyStderr : {true, false}) {
        for (int i = from; i < m_lines.size(); ++i) {
            if ((!onlyStderr || m_lines[i].stderrLine) && looksLikeError(m_lines[i].text)) {
                m_firstError = i;
                return;
            }
        }
    }
}

int LogModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant LogModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line &l = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return u"[rank %1] %2"_s.arg(l.rank).arg(l.text);
    case RankRole:
        return l.rank;
    case StderrRole:
        return l.stderrLine;
    case FirstErrorRole:
        return index.row() == m_firstError;
    case Qt::BackgroundRole:
        // Colours that read on the palette in use: a light theme's pale red, a dark theme's deep red.
        return index.row() == m_firstError
                   ? QVariant(QBrush(darkPalette() ? QColor(110, 28, 36) : QColor(255, 205, 210)))
                   : QVariant();
    case Qt::ForegroundRole:
        return l.stderrLine ? QVariant(QBrush(darkPalette() ? QColor(255, 150, 140) : QColor(150, 40, 27)))
                            : QVariant();
    default:
        return {};
    }
}

// ---- LogFilterModel ----

LogFilterModel::LogFilterModel(LogModel *source, QObject *parent)
    : QAbstractListModel(parent)
    , m_source(source) {
    connect(source, &QAbstractItemModel::modelReset, this, &LogFilterModel::refilter);
    // Without a filter the rows are the source's, inserted and removed with it (begin before, end after).
    connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) {
                if (m_all)
                    beginInsertRows({}, first, last);
            });
    connect(source, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onInserted(first, last); });
    connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { onRemoved(first, last); });
    connect(source, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_all)
            endRemoveRows();
        else
            dropRemoved();
    });
    connect(source, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                for (int r = from.row(); r <= to.row(); ++r)
                    if (const int row = rowOf(r); row >= 0)
                        Q_EMIT dataChanged(index(row), index(row));
            });
}

bool LogFilterModel::matches(const LogModel::Line &line, const QString &text, int rank) {
    return (rank < 0 || line.rank == rank) &&
           (text.isEmpty() || line.text.contains(text, Qt::CaseInsensitive));
}

void LogFilterModel::setFilter(const QString &text, int rank) {
    if (text == m_text && rank == m_rank)
        return;
    m_text = text;
    m_rank = rank;
    refilter();
}

void LogFilterModel::refilter() {
    const quint64 generation = ++m_generation;
    if (m_text.isEmpty() && m_rank < 0) {
        beginResetModel();
        m_all = true;
        m_pending = false;
        m_numbers.clear();
        endResetModel();
        Q_EMIT filtered();
        return;
    }
    const QList<LogModel::Line> lines = m_source->lines(); // shared, not copied
    const qint64 base = m_source->dropped();
    auto filter = [lines, base, text = m_text, rank = m_rank] {
        QList<qint64> numbers;
        for (qsizetype i = 0; i < lines.size(); ++i)
            if (matches(lines[i], text, rank))
                numbers << base + i;
        return numbers;
    };
    // Lines that arrive while a worker filters the snapshot are tested when its result is in place.
    auto apply = [this, generation, end = base + lines.size()](const QList<qint64> &numbers) {
        if (generation != m_generation)
            return; // a newer filter is on its way
        beginResetModel();
        m_all = false;
        m_pending = false;
        m_numbers = numbers;
        const qint64 dropped = m_source->dropped();
        while (!m_numbers.isEmpty() && m_numbers.first() < dropped)
            m_numbers.removeFirst();
        const QList<LogModel::Line> &now = m_source->lines();
        for (qint64 n = std::max(end, dropped); n < dropped + now.size(); ++n)
            if (matches(now[n - dropped], m_text, m_rank))
                m_numbers << n;
        endResetModel();
        Q_EMIT filtered();
    };
    if (lines.size() <= SyncLines) {
        apply(filter());
        return;
    }
    m_pending = true;
    runInBackground(this, std::move(filter), std::move(apply));
}

void LogFilterModel::onInserted(int first, int last) {
    if (m_all) {
        endInsertRows();
        return;
    }
    if (m_pending)
        return; // tested once the worker's result is in place
    const QList<LogModel::Line> &lines = m_source->lines();
    QList<qint64> added;
    for (int r = first; r <= last; ++r)
        if (matches(lines[r], m_text, m_rank))
            added << m_source->dropped() + r;
    if (added.isEmpty())
        return;
    const int row = int(m_numbers.size());
    beginInsertRows({}, row, row + int(added.size()) - 1);
    m_numbers += added;
    endInsertRows();
}

void LogFilterModel::onRemoved(int first, int last) {
    if (m_all)
        beginRemoveRows({}, first, last);
}

void LogFilterModel::dropRemoved() {
    // LogModel only removes its oldest lines: the numbers below dropped() are gone.
    const auto end = std::lower_bound(m_numbers.cbegin(), m_numbers.cend(), m_source->dropped());
    const int n = int(end - m_numbers.cbegin());
    if (n == 0)
        return;
    beginRemoveRows({}, 0, n - 1);
    m_numbers.remove(0, n);
    endRemoveRows();
}

int LogFilterModel::sourceRow(int row) const {
    if (m_all)
        return row;
    return int(m_numbers.value(row, -1) - m_source->dropped());
}

int LogFilterModel::rowOf(int sourceRow) const {
    if (m_all)
        return sourceRow;
    const qint64 n = m_source->dropped() + sourceRow;
    const auto it = std::lower_bound(m_numbers.cbegin(), m_numbers.cend(), n);
    return it != m_numbers.cend() && *it == n ? int(it - m_numbers.cbegin()) : -1;
}

int LogFilterModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid())
        return 0;
    return m_all ? m_source->rowCount() : int(m_numbers.size());
}

QVariant LogFilterModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return m_source->data(m_source->index(sourceRow(index.row())), role);
}

// ---- LogsView ----

LogsView::LogsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(this))
    , m_filter(new LogFilterModel(m_model, this))
    , m_list(new QListView(this))
    , m_search(new QLineEdit(this))
    , m_rank(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_follow(new QTimer(this)) {
    m_follow->setInterval(500);
    connect(m_follow, &QTimer::timeout, this, &LogsView::readTail);
    m_list->setModel(m_filter);
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setUniformItemSizes(true); // fast with many lines
    m_search->setPlaceholderText(tr("Search the output"));
    m_search->setClearButtonEnabled(true);
    m_rank->addItem(tr("All ranks"), -1);
    auto *jump = new QPushButton(tr("First &error"), this);
    connect(jump, &QPushButton::clicked, this, &LogsView::jumpToFirstError);
    connect(m_search, &QLineEdit::textChanged, this, &LogsView::applyFilter);
    connect(m_rank, &QComboBox::currentIndexChanged, this, &LogsView::applyFilter);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_rank);
    bar->addWidget(jump);
    bar->addWidget(m_status);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_list, 1);
}

void LogsView::loadRunFolder(const QString &folder) {
    struct Read {
        QList<LogModel::Line> lines;
        QString error;
    };
    runInBackground(
        this,
        [folder] {
            Read r;
            r.lines = LogModel::readRunFolder(folder, &r.error);
            return r;
        },
        [this](const Read &r) {
            m_model->setLines(r.lines);
            updateRanksAndStatus(r.error);
            Q_EMIT loaded();
        });
}

void LogsView::updateRanksAndStatus(const QString &error) {
    const QList<int> ranks = m_model->ranks();
    if (ranks.size() != m_rank->count() - 1) {
        const int current = m_rank->currentData().toInt();
        m_rank->blockSignals(true);
        while (m_rank->count() > 1)
            m_rank->removeItem(1);
        for (int r : ranks)
            m_rank->addItem(tr("Rank %1").arg(r), r);
        m_rank->setCurrentIndex(std::max(0, m_rank->findData(current)));
        m_rank->blockSignals(false);
    }
    m_status->setText(!error.isEmpty()             ? error
                      : m_model->firstError() >= 0 ? tr("an error was found")
                                                   : tr("%n line(s)", nullptr, m_model->rowCount()));
    applyFilter();
}

void LogsView::followRunFolder(const QString &folder) {
    m_model->setLines({});
    m_tail = std::make_shared<LogModel::Tail>(folder);
    readTail();
    m_follow->start();
}

void LogsView::stopFollowing() {
    if (!m_follow->isActive())
        return;
    m_follow->stop();
    readTail(); // what was written last
}

bool LogsView::isFollowing() const {
    return m_follow->isActive();
}

void LogsView::readTail() {
    if (!m_tail)
        return;
    if (m_tailBusy) {
        m_readAgain = true; // once the read under way is back
        return;
    }
    m_tailBusy = true;
    const std::shared_ptr<LogModel::Tail> tail = m_tail;
    runInBackground(
        this, [tail] { return tail->readNew(); },
        [this, tail](const QList<LogModel::Line> &lines) {
            m_tailBusy = false;
            if (tail == m_tail && !lines.isEmpty()) {
                // The view follows new output while it shows the end (as `tail -f` does); a user who scrolled
                // up to read keeps their place.
                const QScrollBar *bar = m_list->verticalScrollBar();
                const bool atEnd = bar->value() >= bar->maximum() - 2;
                m_model->append(lines);
                updateRanksAndStatus({});
                if (atEnd)
                    m_list->scrollToBottom();
                Q_EMIT loaded();
            }
            if (std::exchange(m_readAgain, false))
                readTail();
        });
}

bool LogsView::showsTheEnd() const {
    const QScrollBar *bar = m_list->verticalScrollBar();
    return bar->value() >= bar->maximum() - 2;
}

int LogsView::visibleLines() const {
    return m_filter->rowCount();
}

void LogsView::setSearch(const QString &text) {
    m_search->setText(text);
}

void LogsView::setRankFilter(int rank) {
    const int i = m_rank->findData(rank);
    m_rank->setCurrentIndex(i < 0 ? 0 : i);
}

void LogsView::applyFilter() {
    const int rank = m_rank->currentData().toInt();
    const QString text = m_search->text();
    m_filter->setFilter(text, rank); // a rank and a text: both must match
}

bool LogsView::jumpToFirstError() {
    const int row = m_model->firstError();
    if (row < 0)
        return false;
    m_search->clear();
    m_rank->setCurrentIndex(0);
    const QModelIndex i = m_filter->index(m_filter->rowOf(row));
    m_list->scrollTo(i, QAbstractItemView::PositionAtCenter);
    m_list->setCurrentIndex(i);
    return true;
}

} // namespace trainyard

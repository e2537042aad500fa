#include "logsview.h"

#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QThreadPool>
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
        // The last 50,000 lines of each stream are plenty for a view; the files keep everything.
        const QList<QByteArray> raw = file.readAll().split('\n');
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
    m_lines = lines;
    m_firstError = -1;
    findFirstError(0);
    endResetModel();
}

void LogModel::append(const QList<Line> &lines) {
    if (lines.isEmpty())
        return;
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + int(lines.size()) - 1);
    m_lines += lines;
    endInsertRows();
    if (m_firstError < 0) {
        findFirstError(first);
        if (m_firstError >= 0)
            Q_EMIT dataChanged(index(m_firstError), index(m_firstError));
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

QList<int> LogModel::ranks() const {
    QList<int> r;
    for (const Line &l : m_lines)
        if (!r.contains(l.rank))
            r << l.rank;
    std::sort(r.begin(), r.end());
    return r;
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
        return index.row() == m_firstError ? QVariant(QBrush(QColor(255, 205, 210))) : QVariant();
    case Qt::ForegroundRole:
        return l.stderrLine ? QVariant(QBrush(QColor(150, 40, 27))) : QVariant();
    default:
        return {};
    }
}

LogsView::LogsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_list(new QListView(this))
    , m_search(new QLineEdit(this))
    , m_rank(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_follow(new QTimer(this)) {
    m_follow->setInterval(500);
    connect(m_follow, &QTimer::timeout, this, &LogsView::readTail);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list->setModel(m_proxy);
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
    QPointer<LogsView> self(this);
    QThreadPool::globalInstance()->start([self, folder] {
        QString error;
        const QList<LogModel::Line> lines = LogModel::readRunFolder(folder, &error);
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, lines, error] {
            if (!self)
                return;
            self->m_model->setLines(lines);
            self->updateRanksAndStatus(error);
            Q_EMIT self->loaded();
        });
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
    QPointer<LogsView> self(this);
    const std::shared_ptr<LogModel::Tail> tail = m_tail;
    QThreadPool::globalInstance()->start([self, tail] {
        const QList<LogModel::Line> lines = tail->readNew();
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, tail, lines] {
            if (!self)
                return;
            self->m_tailBusy = false;
            if (tail == self->m_tail && !lines.isEmpty()) {
                self->m_model->append(lines);
                self->updateRanksAndStatus({});
                Q_EMIT self->loaded();
            }
            if (std::exchange(self->m_readAgain, false))
                self->readTail();
        });
    });
}

int LogsView::visibleLines() const {
    return m_proxy->rowCount();
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
    // A rank and a text: both must match.
    m_proxy->setFilterRole(Qt::DisplayRole);
    m_proxy->setFilterRegularExpression(
        QRegularExpression((rank >= 0 ? u"^\\[rank %1\\] .*"_s.arg(rank) : u"^"_s) +
                               (text.isEmpty() ? QString() : u".*"_s + QRegularExpression::escape(text)),
                           QRegularExpression::CaseInsensitiveOption));
}

bool LogsView::jumpToFirstError() {
    const int row = m_model->firstError();
    if (row < 0)
        return false;
    m_search->clear();
    m_rank->setCurrentIndex(0);
    const QModelIndex i = m_proxy->mapFromSource(m_model->index(row));
    m_list->scrollTo(i, QAbstractItemView::PositionAtCenter);
    m_list->setCurrentIndex(i);
    return true;
}

} // namespace trainyard

// The trials of a sweep as a table model (runs tagged sweep=ID: trial, status, objective, parameters), read
// off the GUI thread; and what Stop Sweep does to them. SweepView (sweepview.h) draws it.
#pragma once

#include "runstatus.h"

#include <QAbstractTableModel>
#include <QMap>
#include <optional>

namespace trainyard {

struct SweepTrialRow {
    qint64 runId = 0;
    QString uid, name;
    RunStatus status = RunStatus::Queued;
    int trial = 0;
    QMap<QString, QString> params;
    std::optional<double> value; // the metric's last value (rank 0)
};

struct SweepSummary {
    QString id, method, metric, goal = QStringLiteral("minimize"), file;
    QString workingDirectory;    // where its trials were queued (its program's path is relative to it)
    QList<SweepTrialRow> trials; // by trial number
};

class SweepModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TrialColumn, StatusColumn, ObjectiveColumn, RunColumn, FixedColumns };
    enum Role { RunIdRole = Qt::UserRole + 1, ValueRole };
    using QAbstractTableModel::QAbstractTableModel;

    // Reads the sweep's trials off the GUI thread; `loaded` (or `failed`) follows.
    void reload(const QString &databasePath, const QString &sweepId);
    // Reads a sweep's trials (any thread).
    static SweepSummary read(const QString &databasePath, const QString &sweepId, QString *error);
    void setSummary(const SweepSummary &summary);
    const SweepSummary &summary() const { return m_summary; }
    const QStringList &parameterKeys() const { return m_keys; }
    // The row of the best trial by the metric's goal, -1 when none has a value.
    int bestRow() const;
    // Takes the waiting trials off the queue and asks the running ones' launchers to stop (SIGINT); how many
    // of each (any thread).
    // Continues a sweep with `count` more trials: `trainyard sweep FILE --continue ID` (program: that
    // trainyard, empty for the one beside this executable), detached, its output in launches/ beside the
    // database.
    static bool continueSweep(const QString &databasePath, const SweepSummary &summary, int count,
                              const QString &program, QString *error);
    static std::pair<int, int> stopTrials(const QString &databasePath, const QList<SweepTrialRow> &trials);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();
    void failed(const QString &error);

private:
    SweepSummary m_summary;
    QStringList m_keys;
};

} // namespace trainyard
